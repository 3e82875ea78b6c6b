import { expect, test } from '@playwright/test';
import { SignInPage } from './pom/sign-in-page';
import { VerifierCasePage, VerifierQueuePage } from './pom/staff-pages';
import { api, eventually, openPeriod, submittedApplicant } from './support/api';
import { diploma, newApplicant, photo } from './support/people';
import { staffAccount } from './support/staff';

test.use({ viewport: { width: 1280, height: 900 } });

/**
 * The verifier's decision path with the keyboard alone (no mouse click anywhere): sign in, filter the
 * queue, open a case, decide MS with the M shortcut, open the next, decide TMS with a catalogue
 * reason and a note; axe on every verifier page on the way.
 */
test('verifier decides MS and TMS with reasons using only the keyboard', async ({ page }) => {
  const period = await openPeriod(`K${Date.now().toString(36)}`);
  const verifier = staffAccount(['verifier'], 'Verifikator Papan Ketik');
  await eventually('screening to register the verifier', () =>
    api('screening', 'POST', `/periods/${period.periodId}/verifiers`, {
      token: period.admin.token,
      json: { accountId: verifier.id, name: 'Verifikator Papan Ketik', kkNumber: '7371019900000091' },
    }),
  );
  const submitted = [];
  for (const who of [newApplicant(31), newApplicant(32)])
    submitted.push(await submittedApplicant(period, who, { photo: photo().buffer, diploma: diploma().buffer }));

  // Sign in: Tab to each field, type, Enter submits.
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.tabTo(page.getByLabel('Alamat e-mail'));
  await page.keyboard.type(verifier.email);
  await signIn.tabTo(page.getByLabel('Kata sandi', { exact: true }));
  await page.keyboard.type(verifier.password);
  await page.keyboard.press('Enter');

  const queue = new VerifierQueuePage(page);
  await queue.expectHeading('Antrean saya');
  await expect(async () => {
    await page.reload();
    await expect(queue.left()).toHaveText('2 berkas tersisa.', { timeout: 2000 });
  }).toPass({ timeout: 60_000 });
  await queue.expectNoAxeViolations();

  // Filter: the recommendation MS (the first choice after "all"), then apply with Enter.
  await queue.tabTo(page.getByLabel('Rekomendasi sistem'));
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Rekomendasi sistem')).toHaveValue('MS');
  await queue.tabTo(page.getByRole('button', { name: 'Terapkan saringan' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/recommendation=MS/);
  await expect(queue.left()).toHaveText('2 berkas tersisa. Seluruh antrean: 2 berkas.');
  await queue.expectNoAxeViolations();
  const numbers = await page.getByRole('table').getByRole('link').allTextContents();
  expect(numbers).toHaveLength(2);

  // MS: Tab to the case, Enter; M chooses MS and puts focus on the save button; Enter saves.
  await queue.tabTo(queue.caseLink(numbers[0]));
  await page.keyboard.press('Enter');
  const detail = new VerifierCasePage(page);
  await detail.expectHeading(`Berkas ${numbers[0]}`);
  await expect(page.getByRole('heading', { name: 'Data yang dikirim' })).toBeVisible();
  await detail.expectNoAxeViolations();
  await page.keyboard.press('m');
  await expect(page.getByRole('radio', { name: /^MS/ })).toBeChecked();
  await expect(detail.submit()).toBeFocused();
  await page.keyboard.press('Enter');
  // Back in the queue with the filter kept.
  await queue.expectHeading('Antrean saya');
  await expect(page).toHaveURL(/recommendation=MS/);
  await expect(queue.left()).toHaveText('1 berkas tersisa. Seluruh antrean: 1 berkas.');

  // TMS: T chooses it and puts focus on the first catalogue reason; Space ticks it; a note; Enter on save.
  await queue.tabTo(queue.caseLink(numbers[1]));
  await page.keyboard.press('Enter');
  await detail.expectHeading(`Berkas ${numbers[1]}`);
  await page.keyboard.press('t');
  await expect(page.getByRole('radio', { name: /^TMS/ })).toBeChecked();
  const reasons = page.getByRole('group', { name: 'Alasan TMS (dari katalog)' }).getByRole('checkbox');
  await expect(reasons.first()).toBeFocused();
  await detail.expectNoAxeViolations();
  // Saving without a reason: the error summary takes focus.
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect(reasons.first()).not.toBeChecked();
  await detail.tabTo(detail.submit());
  await page.keyboard.press('Enter');
  const summary = page.getByRole('alert').filter({ hasText: 'Untuk TMS, pilih paling sedikit satu alasan.' });
  await expect(summary).toBeFocused();
  await detail.expectNoAxeViolations();
  await detail.tabTo(reasons.first());
  await page.keyboard.press('Space');
  await expect(reasons.first()).toBeChecked();
  await detail.tabTo(page.getByLabel('Catatan (tidak wajib)'));
  await page.keyboard.type('Pas foto tidak sesuai ketentuan.');
  await detail.tabTo(detail.submit());
  await page.keyboard.press('Enter');
  await queue.expectHeading('Antrean saya');
  await expect(queue.left()).toHaveText('Tidak ada berkas tersisa. Seluruh antrean: 0 berkas.');
  await queue.expectNoAxeViolations();

  // The appeals page, reached by keyboard too.
  await queue.tabTo(page.getByRole('link', { name: 'Sanggahan untuk saya' }));
  await page.keyboard.press('Enter');
  await queue.expectHeading('Sanggahan untuk saya');
  await queue.expectNoAxeViolations();

  const decided = await Promise.all(
    submitted.map((s) =>
      api<{ registrationNumber: string; result: string; reasons: { code: string; note?: string }[] }>('screening', 'GET', `/cases/${s.applicationId}`, {
        token: period.admin.token,
      }),
    ),
  );
  const byNumber = new Map(decided.map((d) => [d.registrationNumber, d]));
  expect(byNumber.get(numbers[0])?.result).toBe('MS');
  expect(byNumber.get(numbers[1])).toMatchObject({ result: 'TMS', reasons: [expect.objectContaining({ note: 'Pas foto tidak sesuai ketentuan.' })] });
});
