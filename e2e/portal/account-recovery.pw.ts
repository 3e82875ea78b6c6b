import { expect, test } from '@playwright/test';
import { SimplePage } from './pom/progress-pages';
import { SignInPage } from './pom/sign-in-page';
import { api, mailTo, stack, tokenIn } from './support/api';
import { newApplicant } from './support/people';

/** The link in a mail, as the person would tap it: the portal's own address. */
function linkIn(text: string): string {
  const link = /https?:\/\/\S+\?token=[A-Za-z0-9_.~-]+/.exec(text)?.[0];
  if (!link) throw new Error(`no link in: ${text.slice(0, 300)}`);
  return link;
}

test('account recovery through a real SMTP server: the confirmation resent and used; a password reset that ends the old sessions', async ({
  page,
  browser,
}) => {
  const { password, ...identity } = newApplicant(3);
  await api('registration', 'POST', '/accounts', { json: { ...identity, password, locale: 'id' } });
  const first = await mailTo(identity.email, { subject: /Konfirmasi/ });

  // Resend: the page says the same for every address; a new link arrives and confirms.
  const simple = new SimplePage(page);
  await simple.open('/resend-confirmation');
  const asked = Date.now();
  await page.getByLabel('Alamat e-mail').fill(identity.email);
  await page.getByRole('button', { name: 'Kirim' }).click();
  await expect(page.getByRole('status')).toContainText('Jika alamat itu terdaftar dan belum dikonfirmasi');
  const resent = await mailTo(identity.email, { subject: /Konfirmasi/, since: asked });
  expect(tokenIn(resent.text)).not.toBe(tokenIn(first.text));
  const confirmLink = linkIn(resent.text);
  expect(confirmLink.startsWith(`${stack().baseURL}/confirm-email?token=`)).toBe(true);
  await page.goto(confirmLink);
  await expect(page.getByText('E-mail Anda sudah dikonfirmasi. Silakan masuk.')).toBeVisible();

  // A session in this browser...
  const signIn = new SignInPage(page);
  await signIn.open('/applications');
  await signIn.signIn(identity.email, password);
  await expect(simple.heading()).toHaveText('Lamaran saya');

  // ...and a reset from another device.
  const other = await browser.newContext({ baseURL: stack().baseURL, viewport: { width: 360, height: 800 }, locale: 'id-ID' });
  const phone = await other.newPage();
  const otherPage = new SimplePage(phone);
  await otherPage.open('/forgot-password');
  const requested = Date.now();
  await phone.getByLabel('Alamat e-mail').fill(identity.email);
  await phone.getByRole('button', { name: 'Kirim' }).click();
  await expect(phone.getByRole('status')).toHaveText('Jika alamat itu terdaftar, tautan untuk membuat kata sandi baru sudah dikirim.');
  const reset = await mailTo(identity.email, { subject: /kata sandi/i, since: requested });
  const resetLink = linkIn(reset.text);
  expect(resetLink.startsWith(`${stack().baseURL}/reset-password?token=`)).toBe(true);
  await phone.goto(resetLink);
  await expect(otherPage.heading()).toHaveText('Buat kata sandi baru');
  await otherPage.expectNoAxeViolations();
  await phone.getByLabel('Kata sandi baru').fill('Baru-Sekali-2027');
  await phone.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await expect(phone.getByText(/Kata sandi baru tersimpan/)).toBeVisible();
  await otherPage.screenshot('08-password-reset');

  // The link is single use.
  await phone.goto(resetLink);
  await phone.getByLabel('Kata sandi baru').fill('Lagi-Lagi-2028');
  await phone.getByRole('button', { name: 'Simpan kata sandi' }).click();
  await expect(phone.getByRole('alert').first()).toContainText('tidak berlaku atau sudah dipakai');
  await other.close();

  // The old session is over: after a reload its cookie no longer refreshes, so the page asks to sign in.
  await page.goto('/applications');
  await expect(page).toHaveURL(/\/sign-in\?return=%2Fapplications/);
  await signIn.signIn(identity.email, password);
  await expect(page.getByRole('alert').first()).toContainText('E-mail atau kata sandi salah.');
  await signIn.signIn(identity.email, 'Baru-Sekali-2027');
  await expect(simple.heading()).toHaveText('Lamaran saya');
});
