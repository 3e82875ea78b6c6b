import { expect, test } from '@playwright/test';
import { SignInPage } from './pom/sign-in-page';
import { WizardPage } from './pom/wizard-page';
import { api, latestMailTo, openPeriod, tokenIn } from './support/api';
import { withClockOffset } from './support/clock';
import { newApplicant } from './support/people';

const DAY = 86_400_000;
/** Registration's refresh-token lifetime (REFRESH_TOKEN_TTL_SECONDS, its default of 14 days). */
const SESSION_LIFETIME_MS = 14 * DAY;

test('a draft survives a dropped connection and a timed-out session: the entered data is still there after signing in again', async ({ page }) => {
  // The period stays open past the session's lifetime, so the applicant can carry on after it.
  const period = await openPeriod(`D${Date.now().toString(36)}`, 20 * DAY);
  const { password, ...identity } = newApplicant(6);
  await api('registration', 'POST', '/accounts', { json: { ...identity, password, locale: 'id' } });
  await api('registration', 'POST', '/accounts/confirm-email', { json: { token: tokenIn(await latestMailTo(identity.email)) } });

  const signIn = new SignInPage(page);
  const wizard = new WizardPage(page);
  await signIn.open(`/applications/new?period=${period.periodId}&formation=${period.formationId}`);
  await signIn.signIn(identity.email, password);
  await expect(wizard.heading()).toHaveText('Lamaran: Formasi');
  await wizard.saveAndContinue().click();
  await expect(wizard.heading()).toHaveText('Lamaran: Pendidikan');

  // Part of the education step...
  await page.getByLabel('Jenjang pendidikan').selectOption('S1');
  await page.getByLabel('Perguruan tinggi / sekolah').fill('Universitas Hasanuddin');
  await page.getByLabel('Program studi', { exact: true }).fill('Sistem Informasi');

  // ...then the connection drops: the rest is typed, saving fails and says so, and nothing typed is lost.
  await page.context().setOffline(true);
  await page.getByLabel('IPK', { exact: true }).fill('3,41');
  const date = page.getByRole('group', { name: 'Tanggal lulus' });
  await date.getByLabel('Tanggal', { exact: true }).fill('01');
  await date.getByLabel('Bulan', { exact: true }).fill('09');
  await date.getByLabel('Tahun', { exact: true }).fill('2022');
  await page.getByLabel('Akreditasi program studi saat lulus').selectOption('Baik Sekali');
  await wizard.saveAndContinue().click();
  await expect(page.getByRole('alert').first()).toContainText('Koneksi terputus. Data Anda tidak hilang; coba lagi sebentar lagi.');
  await expect(wizard.heading()).toHaveText('Lamaran: Pendidikan');
  await expect(page.getByLabel('Perguruan tinggi / sekolah')).toHaveValue('Universitas Hasanuddin');
  await expect(page.getByLabel('IPK', { exact: true })).toHaveValue('3,41');
  await wizard.expectNoAxeViolations();
  await page.context().setOffline(false);

  // The session times out (the services' clock past the refresh token's lifetime); the next page load asks to sign in.
  await withClockOffset(SESSION_LIFETIME_MS + DAY, async () => {
    await page.reload();
    await expect(page).toHaveURL(/\/sign-in\?return=%2Fapplications%2F[0-9a-f-]{36}/);
    await signIn.expectNoAxeViolations();
    await signIn.signIn(identity.email, password);

    // Back on the same step, with what was typed before the connection dropped.
    await expect(wizard.heading()).toHaveText('Lamaran: Pendidikan');
    await expect(page.getByLabel('Jenjang pendidikan')).toHaveValue('S1');
    await expect(page.getByLabel('Perguruan tinggi / sekolah')).toHaveValue('Universitas Hasanuddin');
    await expect(page.getByLabel('Program studi', { exact: true })).toHaveValue('Sistem Informasi');
    await expect(page.getByLabel('IPK', { exact: true })).toHaveValue('3,41');
    await expect(date.getByLabel('Tahun', { exact: true })).toHaveValue('2022');
    await expect(page.getByLabel('Akreditasi program studi saat lulus')).toHaveValue('Baik Sekali');
    await wizard.expectNoAxeViolations();

    // Saved for real this time; the server holds the draft.
    await wizard.saveAndContinue().click();
    await expect(wizard.heading()).toHaveText('Lamaran: Pernyataan');
    const applicationId = /\/applications\/([0-9a-f-]{36})/.exec(page.url())![1];
    const { accessToken } = await api<{ accessToken: string }>('registration', 'POST', '/auth/login', { json: { email: identity.email, password } });
    const draft = await api<{ education: { institution: string; gpa: number } }>('registration', 'GET', `/applications/${applicationId}`, {
      token: accessToken,
    });
    expect(draft.education).toMatchObject({ institution: 'Universitas Hasanuddin', gpa: 3.41 });
  });
});
