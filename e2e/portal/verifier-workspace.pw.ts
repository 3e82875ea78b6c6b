import { expect, test } from '@playwright/test';
import { SignInPage } from './pom/sign-in-page';
import { VerifierCasePage, VerifierQueuePage } from './pom/staff-pages';
import { api, eventually, openPeriod, staffToken, submittedApplicant } from './support/api';
import { diploma, newApplicant, photo } from './support/people';
import { staffAccount } from './support/staff';

test.use({ viewport: { width: 1280, height: 900 } });

/**
 * The verifier's main path in the browser: the queue with the count left; a case with the submitted
 * data, both documents shown in the page and the automatic checks; MS by keyboard only; TMS with a
 * catalogue reason and a note; a bulk decision over a selection; axe on each page.
 */
test('verifier decides a queue: keyboard-only MS, TMS with reason and note, and a bulk decision', async ({ page }) => {
  const period = await openPeriod(`V${Date.now().toString(36)}`);
  const verifier = staffAccount(['verifier'], 'Verifikator Portal');
  await eventually('screening to register the verifier', () =>
    api('screening', 'POST', `/periods/${period.periodId}/verifiers`, {
      token: period.admin.token,
      json: { accountId: verifier.id, name: 'Verifikator Portal', kkNumber: '7371019900000077' },
    }),
  );
  const applicants = [newApplicant(11), newApplicant(12), newApplicant(13)];
  const submitted = [];
  for (const who of applicants) submitted.push(await submittedApplicant(period, who, { photo: photo().buffer, diploma: diploma().buffer }));

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(verifier.email, verifier.password);
  const queue = new VerifierQueuePage(page);
  await queue.expectHeading('Antrean saya');
  await expect(async () => {
    await page.reload();
    await expect(queue.left()).toHaveText('3 berkas tersisa.', { timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await queue.expectNoAxeViolations();
  await queue.documentScreenshot('workspace-verifier-queue');
  const numbers = await page.getByRole('table').getByRole('link').allTextContents();
  expect(numbers).toHaveLength(3);

  // Keyboard only: Tab to the first case, Enter, M (MS, focus on the save button), Enter.
  await queue.tabTo(queue.caseLink(numbers[0]));
  await page.keyboard.press('Enter');
  const detail = new VerifierCasePage(page);
  await detail.expectHeading(`Berkas ${numbers[0]}`);
  await expect(detail.checks().getByRole('rowheader').first()).toBeVisible();
  await expect(detail.checks().getByRole('columnheader')).toHaveText(['Aturan', 'Versi', 'Fakta', 'Yang disyaratkan', 'Hasil']);
  // Both documents in the page: the photo as an image, the diploma PDF in a frame, from blob: URLs.
  await detail.document('pas-foto').click();
  await expect(page.getByRole('img', { name: /pas-foto/ })).toHaveAttribute('src', /^blob:/);
  await detail.document('ijazah').click();
  await expect(page.locator('iframe[title="ijazah"]')).toHaveAttribute('src', /^blob:/);
  await detail.expectNoAxeViolations();
  await detail.documentScreenshot('workspace-verifier-case');
  // Focus back on the heading (outside any field), where the shortcuts apply.
  await detail.heading().focus();
  await page.keyboard.press('m');
  await expect(page.getByRole('radio', { name: /^MS/ })).toBeChecked();
  await expect(detail.submit()).toBeFocused();
  await page.keyboard.press('Enter');
  await queue.expectHeading('Antrean saya');
  await expect(queue.left()).toHaveText('2 berkas tersisa.');

  // TMS needs a catalogue reason: without one the error summary takes focus.
  await queue.caseLink(numbers[1]).click();
  await detail.expectHeading(`Berkas ${numbers[1]}`);
  await page.getByRole('radio', { name: /^TMS/ }).check();
  await detail.submit().click();
  await expect(page.getByText('Untuk TMS, pilih paling sedikit satu alasan.').first()).toBeVisible();
  await detail.expectNoAxeViolations();
  await page.getByRole('group', { name: 'Alasan TMS (dari katalog)' }).getByRole('checkbox').first().check();
  await page.getByLabel('Catatan (tidak wajib)').fill('Ijazah belum dilegalisir.');
  await detail.submit().click();
  await expect(queue.left()).toHaveText('1 berkas tersisa.');

  // Bulk: select the last one and decide MS for the selection.
  await queue.select(numbers[2]).check();
  await page.getByRole('radio', { name: /^MS/ }).check();
  await queue.expectNoAxeViolations();
  await page.getByRole('button', { name: 'Simpan keputusan untuk 1 berkas' }).click();
  // A long operation: its outcome takes focus and is announced, and is still there after leaving the page.
  const outcome = page.getByRole('region', { name: 'Keputusan atas berkas terpilih' });
  await expect(outcome.getByRole('status')).toContainText('Keputusan MS tersimpan untuk 1 berkas.');
  await expect(outcome).toBeFocused();
  await expect(queue.left()).toHaveText('Tidak ada berkas tersisa.');
  await queue.expectNoAxeViolations();
  await page.getByRole('link', { name: 'Sanggahan untuk saya' }).click();
  await queue.expectHeading('Sanggahan untuk saya');
  await page.getByRole('link', { name: 'Antrean saya' }).click();
  await queue.expectHeading('Antrean saya');
  await expect(outcome.getByRole('status')).toContainText('Keputusan MS tersimpan untuk 1 berkas.');
  await outcome.getByRole('button', { name: 'Tutup pemberitahuan ini' }).click();
  await expect(outcome).toBeHidden();

  // The API holds what the pages decided.
  const decided = await Promise.all(
    submitted.map((s) => api<{ result: string; reasons: { note?: string }[] }>('screening', 'GET', `/cases/${s.applicationId}`, { token: period.admin.token })),
  );
  expect(decided.map((d) => d.result).sort()).toEqual(['MS', 'MS', 'TMS']);
  expect(decided.find((d) => d.result === 'TMS')!.reasons[0].note).toBe('Ijazah belum dilegalisir.');
});

/** An appeal (sanggah) reaches the other verifier of the period, who answers it in the page before its deadline. */
test('verifier answers an appeal assigned to them, with its deadline shown', async ({ page }) => {
  const CLOSES_IN_MS = 20_000;
  const period = await openPeriod(`A${Date.now().toString(36)}`, CLOSES_IN_MS);
  const decider = staffToken(['verifier']);
  const register = (accountId: string, kkNumber: string) =>
    eventually('screening to register a verifier', () =>
      api('screening', 'POST', `/periods/${period.periodId}/verifiers`, { token: period.admin.token, json: { accountId, name: 'Verifikator', kkNumber } }),
    );
  await register(decider.id, '7371019900000081');
  const who = newApplicant(21);
  const { applicationId, token } = await submittedApplicant(period, who, { photo: photo().buffer, diploma: diploma().buffer });
  await eventually('the case to reach the first verifier', async () => {
    const queue = await api<{ items: { applicationId: string }[] }>('screening', 'GET', '/cases/queue', { token: decider.token });
    if (!queue.items.some((i) => i.applicationId === applicationId)) throw new Error('not in the queue yet');
  });
  // The reviewer joins after the case was assigned, so the appeal goes to them (never to the decider).
  const reviewer = staffAccount(['verifier'], 'Peninjau Sanggahan');
  await register(reviewer.id, '7371019900000082');
  await api('screening', 'POST', `/cases/${applicationId}/decision`, { token: decider.token, json: { result: 'TMS', reasonCodes: ['GPA_BELOW_MINIMUM'] } });
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, period.closesAt.getTime() - Date.now() + 1000)));
  // Registration's close hands the counted submissions to screening, which announces only once it holds them all.
  await api('registration', 'POST', `/admin/periods/${period.periodId}/close`, { token: period.admin.token });
  await eventually('the announcement', () => api('screening', 'POST', `/periods/${period.periodId}/announcement`, { token: period.admin.token }));
  await api('screening', 'POST', `/applications/${applicationId}/appeal`, { token, json: { text: 'IPK saya 3,20 sesuai transkrip yang saya unggah.' } });

  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(reviewer.email, reviewer.password);
  const queue = new VerifierQueuePage(page);
  await queue.expectHeading('Antrean saya');
  await page.getByRole('link', { name: 'Sanggahan untuk saya' }).click();
  await queue.expectHeading('Sanggahan untuk saya');
  await expect(page.getByText('IPK saya 3,20 sesuai transkrip yang saya unggah.')).toBeVisible();
  await expect(page.getByText(/Jawab paling lambat \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/)).toBeVisible();
  await queue.expectNoAxeViolations();
  await queue.documentScreenshot('workspace-verifier-appeals');

  // Without an answer and a reason, the error summary says so.
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page.getByText('Tulis alasan jawaban.').first()).toBeVisible();
  await page.getByRole('radio', { name: /Sanggahan diterima/ }).check();
  await page.getByLabel('Alasan jawaban').fill('Transkrip menunjukkan IPK 3,20; syarat terpenuhi.');
  await page.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(page.getByText('Tidak ada sanggahan yang menunggu jawaban Anda.')).toBeVisible();
  const appeal = await api<{ status: string }>('screening', 'GET', `/applications/${applicationId}/appeal`, { token });
  expect(appeal.status).toBe('UPHELD');
});
