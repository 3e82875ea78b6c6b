import { expect, test } from '@playwright/test';
import { AppealPage, SimplePage, StatusPage } from './pom/progress-pages';
import { SignInPage } from './pom/sign-in-page';
import { api, eventually, mailTo, openPeriod, stack, staffToken, submittedApplicant } from './support/api';
import { diploma, newApplicant, photo } from './support/people';

/**
 * The pages after the application: a verifier finds the applicant TMS with a catalogue reason, the
 * admin announces; the applicant reads it on the status page in Indonesian, files an appeal (sanggah)
 * with its countdown, and sees the pages of the later stages say plainly that nothing is there yet.
 */
test('status timeline with TMS reasons, appeal with its countdown, and the later pages, after staff actions through the APIs', async ({ page }) => {
  const CLOSES_IN_MS = 25_000;
  const period = await openPeriod(`S${Date.now().toString(36)}`, CLOSES_IN_MS);
  const verifier = staffToken(['verifier']);
  await eventually('screening to register the verifier', () =>
    api('screening', 'POST', `/periods/${period.periodId}/verifiers`, {
      token: period.admin.token,
      json: { accountId: verifier.id, name: 'Verifikator Satu', kkNumber: '7371019900000001' },
    }),
  );
  const who = newApplicant(2);
  const { applicationId } = await submittedApplicant(period, who, { photo: photo().buffer, diploma: diploma().buffer });

  await eventually('the case to reach the verifier', async () => {
    const queue = await api<{ items: { applicationId: string }[] }>('screening', 'GET', '/cases/queue', { token: verifier.token });
    if (!queue.items.some((i) => i.applicationId === applicationId)) throw new Error('not in the queue yet');
  });
  await api('screening', 'POST', `/cases/${applicationId}/decision`, { token: verifier.token, json: { result: 'TMS', reasonCodes: ['GPA_BELOW_MINIMUM'] } });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, period.closesAt.getTime() - Date.now() + 1000)));
  // Registration's close hands the counted submissions to screening, which announces only once it holds them all.
  await api('registration', 'POST', `/admin/periods/${period.periodId}/close`, { token: period.admin.token });
  const announcedAt = Date.now();
  await eventually('the announcement', () => api('screening', 'POST', `/periods/${period.periodId}/announcement`, { token: period.admin.token }));

  // The applicant is e-mailed, with a link into the portal (through the run's SMTP server).
  const mail = await mailTo(who.email, { since: announcedAt - 1000 });
  const link = /https?:\/\/\S+\/applications\/[0-9a-f-]{36}/.exec(mail.text)?.[0];
  expect(link).toBe(`${stack().baseURL}/applications/${applicationId}`);

  // The link leads to sign-in and back to the application, which for a submitted one is its status page.
  const signIn = new SignInPage(page);
  await page.goto(link!);
  await expect(page).toHaveURL(/\/sign-in\?return=/);
  await signIn.signIn(who.email, who.password);

  const status = new StatusPage(page);
  await expect(status.heading()).toHaveText('Status lamaran');
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/Hasil seleksi administrasi diumumkan: Tidak Memenuhi Syarat/)).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await expect(status.stage(/Seleksi administrasi/)).toContainText('Tidak Memenuhi Syarat');
  await expect(page.getByRole('listitem').filter({ hasText: 'IPK Anda di bawah batas minimal.' }).first()).toBeVisible();
  await expect(page.getByText(/Anda dapat mengajukan sanggahan atas hasil ini sampai \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/)).toBeVisible();
  await status.expectNoAxeViolations();
  await status.screenshot('06-status');

  const appeal = new AppealPage(page);
  await page.getByRole('link', { name: 'Sanggahan' }).click();
  await expect(appeal.heading()).toHaveText('Sanggahan');
  await expect(page.getByText(/Batas pengajuan sanggahan \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/)).toBeVisible();
  await expect(page.getByText(/sisa \d+ hari/)).toBeVisible();
  await page.getByRole('button', { name: 'Ajukan sanggahan' }).click();
  await expect(page.getByRole('alert').first()).toBeFocused();
  await appeal.expectNoAxeViolations();
  await page.getByLabel('Alasan sanggahan').fill('IPK saya 3,20 sesuai transkrip; batas minimal formasi 3,00.');
  await page.getByRole('button', { name: 'Ajukan sanggahan' }).click();
  await expect(page.getByRole('heading', { name: 'Sanggahan Anda' })).toBeVisible();
  await expect(page.getByText('sedang diperiksa')).toBeVisible();
  await expect(page.getByText(/Jawaban paling lambat \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/)).toBeVisible();
  await appeal.expectNoAxeViolations();
  await appeal.screenshot('07-appeal');

  // The later stages: nothing published yet, said plainly, and accessible.
  const later = new SimplePage(page);
  for (const [path, heading, text] of [
    ['exam-card', 'Kartu ujian SKB', 'Kartu ujian belum tersedia.'],
    ['skb-result', 'Hasil SKB', 'Hasil SKB belum ditetapkan.'],
    ['outcome', 'Hasil akhir', 'Hasil akhir belum diumumkan.'],
  ] as const) {
    await later.open(`/applications/${applicationId}/${path}`);
    await expect(later.heading()).toHaveText(heading);
    await expect(page.getByText(text)).toBeVisible();
    await later.expectNoAxeViolations();
  }

  // English is a switch that remembers itself.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(later.heading()).toHaveText('Final outcome');
  await page.reload();
  await expect(later.heading()).toHaveText('Final outcome');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await later.expectNoAxeViolations();
  await page.getByRole('button', { name: 'Bahasa Indonesia' }).click();

  // Sign-out revokes: the pages ask to sign in again and bring the person back afterwards.
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(signIn.heading()).toHaveText('Masuk');
  await page.goto(`/applications/${applicationId}/status`);
  await expect(page).toHaveURL(/\/sign-in\?return=%2Fapplications%2F/);
});

test('the account pages without a session pass axe and say the same thing whether or not an address is registered', async ({ page }) => {
  const simple = new SimplePage(page);
  for (const [path, heading] of [
    ['/sign-in', 'Masuk'],
    ['/forgot-password', 'Lupa kata sandi'],
    ['/resend-confirmation', 'Kirim ulang e-mail konfirmasi'],
    ['/reset-password?token=x', 'Buat kata sandi baru'],
    ['/confirm-email?token=bukan-token', 'Konfirmasi e-mail'],
    ['/tidak-ada', 'Halaman tidak ditemukan'],
  ] as const) {
    await simple.open(path);
    await expect(simple.heading()).toHaveText(heading);
    await simple.expectNoAxeViolations();
  }
  await simple.open('/forgot-password');
  await page.getByLabel('Alamat e-mail').fill(`tidak-terdaftar-${Date.now()}@contoh.id`);
  await page.getByRole('button', { name: 'Kirim' }).click();
  await expect(page.getByRole('status')).toHaveText('Jika alamat itu terdaftar, tautan untuk membuat kata sandi baru sudah dikirim.');
});
