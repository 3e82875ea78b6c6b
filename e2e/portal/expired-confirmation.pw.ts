import { expect, test } from '@playwright/test';
import { SimplePage } from './pom/progress-pages';
import { SignInPage } from './pom/sign-in-page';
import { api, mailTo, stack, tokenIn } from './support/api';
import { withClockOffset } from './support/clock';
import { newApplicant } from './support/people';

/** The confirmation lifetime of the stack's registration (EMAIL_TOKEN_TTL_SECONDS, its default). */
const CONFIRMATION_LIFETIME_MS = 86_400_000;

function linkIn(text: string): string {
  const link = /https?:\/\/\S+\?token=[A-Za-z0-9_.~-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no link in: ${text.slice(0, 300)}`);
  return link;
}

test('an expired confirmation link: the portal says so and offers a resend; the new link from the SMTP server confirms and sign-in works', async ({ page }) => {
  const { password, ...identity } = newApplicant(4);
  await api('registration', 'POST', '/accounts', { json: { ...identity, password, locale: 'id' } });
  const first = await mailTo(identity.email, { subject: /Konfirmasi/ });
  const expiredLink = linkIn(first.text);
  expect(expiredLink.startsWith(`${stack().baseURL}/confirm-email?token=`)).toBe(true);

  // A day and a minute later (the services' clock), the link has expired; sign-in is refused until confirmed.
  const simple = new SimplePage(page);
  const signIn = new SignInPage(page);
  await withClockOffset(CONFIRMATION_LIFETIME_MS + 60_000, async () => {
    await page.goto(expiredLink);
    await expect(simple.heading()).toHaveText('Konfirmasi e-mail');
    await expect(page.getByRole('alert')).toContainText('Tautan konfirmasi sudah kedaluwarsa. Minta tautan baru.');
    await simple.expectNoAxeViolations();

    await signIn.open('/applications');
    await signIn.signIn(identity.email, password);
    await expect(page.getByRole('alert').first()).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    // The offer on the expired page leads to the resend form.
    await page.goto(expiredLink);
    await page.getByRole('link', { name: 'Tidak menerima e-mail konfirmasi? Kirim ulang' }).click();
    await expect(simple.heading()).toHaveText('Kirim ulang e-mail konfirmasi');
    await simple.expectNoAxeViolations();
    const asked = Date.now();
    await page.getByLabel('Alamat e-mail').fill(identity.email);
    await page.getByRole('button', { name: 'Kirim' }).click();
    await expect(page.getByRole('status')).toContainText('Jika alamat itu terdaftar dan belum dikonfirmasi');
    await simple.expectNoAxeViolations();

    // The new link arrives through the run's SMTP server and confirms, still a day later.
    const resent = await mailTo(identity.email, { subject: /Konfirmasi/, since: asked });
    expect(tokenIn(resent.text)).not.toBe(tokenIn(first.text));
    await page.goto(linkIn(resent.text));
    await expect(page.getByText('E-mail Anda sudah dikonfirmasi. Silakan masuk.')).toBeVisible();
    await simple.expectNoAxeViolations();

    // The expired link stays expired.
    await page.goto(expiredLink);
    await expect(page.getByRole('alert')).toContainText(/kedaluwarsa|tidak berlaku/);

    await signIn.open('/applications');
    await signIn.signIn(identity.email, password);
    await expect(simple.heading()).toHaveText('Lamaran saya');
    await simple.expectNoAxeViolations();
  });
});
