import { expect, test } from '@playwright/test';
import { LandingPage } from './pom/landing-page';
import { ReceiptPage } from './pom/progress-pages';
import { SignInPage } from './pom/sign-in-page';
import { SignUpPage } from './pom/sign-up-page';
import { WizardPage } from './pom/wizard-page';
import { latestMailTo, openPeriod, tokenIn } from './support/api';
import { diploma, newApplicant, photo } from './support/people';

test('an applicant on a 360×800 phone, in Indonesian, from the landing page to the receipt (keyboard only for sign-up and submit)', async ({ page }) => {
  const tag = `J${Date.now().toString(36)}`;
  const period = await openPeriod(tag);
  const who = newApplicant(1);

  const landing = new LandingPage(page);
  await landing.open();
  await expect(landing.heading()).toHaveText('Seleksi yang sedang dibuka');
  const section = landing.period(`Seleksi Tenaga IT ${tag}`);
  await expect(section.getByText(/Pendaftaran ditutup \d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/)).toBeVisible();
  await expect(section.getByText(/sisa \d+ hari \d+ jam \d+ menit/)).toBeVisible();
  await section.locator('summary', { hasText: 'Persyaratan' }).click();
  await expect(section.getByText('Ijazah: PDF, paling besar 800 KB')).toBeVisible();
  await landing.expectNoAxeViolations();
  await landing.screenshot('01-landing');

  // Applying without an account leads to sign-up, which remembers where to return.
  await section.getByRole('link', { name: 'Daftar ke formasi Pranata Komputer Ahli Pertama' }).click();
  await expect(page).toHaveURL(/\/sign-up\?return=/);

  const signUp = new SignUpPage(page);
  await expect(signUp.heading()).toHaveText('Buat akun');
  // Sending the empty form: the error summary appears and takes focus.
  await signUp.submitByKeyboard();
  await expect(signUp.errorSummary()).toBeFocused();
  await expect(signUp.errorSummary()).toContainText('Isi nama lengkap Anda.');
  await signUp.expectNoAxeViolations();

  await signUp.fillByKeyboard(who);
  await expect(page.getByText('Periksa kembali data Anda')).toHaveCount(0);
  await signUp.screenshot('02-sign-up');
  await signUp.submitByKeyboard();
  await expect(signUp.heading()).toHaveText('Periksa e-mail Anda');
  await expect(page.getByRole('status')).toContainText(who.email);

  // The e-mail's link opens the portal, which confirms.
  const token = tokenIn(await latestMailTo(who.email));
  await page.goto(`/confirm-email?token=${encodeURIComponent(token)}`);
  await expect(page.getByText('E-mail Anda sudah dikonfirmasi. Silakan masuk.')).toBeVisible();
  await signUp.expectNoAxeViolations();

  const signIn = new SignInPage(page);
  await signIn.open(`/applications/new?period=${period.periodId}&formation=${period.formationId}`);
  await signIn.expectNoAxeViolations();
  await signIn.signIn(who.email, who.password);

  const wizard = new WizardPage(page);
  await expect(wizard.heading()).toHaveText('Lamaran: Formasi');
  await expect(page.getByRole('radio', { name: /Pranata Komputer Ahli Pertama/ })).toBeChecked();
  await wizard.expectNoAxeViolations();
  await wizard.saveAndContinue().click();

  await expect(wizard.heading()).toHaveText('Lamaran: Pendidikan');
  await wizard.saveAndContinue().click();
  await expect(page.getByRole('alert').first()).toBeFocused();
  await wizard.expectNoAxeViolations();
  await wizard.fillEducation({
    level: 'S1',
    institution: 'Universitas Padjadjaran',
    major: 'Teknik Informatika',
    gpa: '3,41',
    graduationDate: '2021-08-28',
    accreditation: 'Unggul',
  });
  await wizard.screenshot('03-education');
  await wizard.saveAndContinue().click();

  await expect(wizard.heading()).toHaveText('Lamaran: Pernyataan');
  await wizard.acceptAllDeclarations();
  await wizard.expectNoAxeViolations();
  await wizard.saveAndContinue().click();

  await expect(wizard.heading()).toHaveText('Lamaran: Dokumen');
  await expect(page.getByText('JPEG, paling besar 200 KB')).toBeVisible();
  // A PDF in the photo slot is refused before it is sent, saying what was expected.
  await wizard.upload('Pas foto', diploma());
  await expect(page.getByText(/Berkas ini bukan JPEG/)).toBeVisible();
  await wizard.upload('Pas foto', photo());
  await wizard.upload('Ijazah', diploma());
  await expect(page.getByText(/Sudah diunggah/)).toHaveCount(2);
  await wizard.expectNoAxeViolations();
  await wizard.screenshot('04-documents');
  await page.getByRole('button', { name: 'Lanjut' }).click();

  await expect(wizard.heading()).toHaveText('Lamaran: Periksa dan kirim');
  await wizard.expectNoAxeViolations();

  // A second tab on the same review page (its session restored from the cookie) follows the first
  // one's submit to the receipt instead of submitting again.
  const secondTab = await page.context().newPage();
  await secondTab.goto(page.url());
  await expect(secondTab.getByRole('heading', { level: 1 })).toHaveText('Lamaran: Periksa dan kirim');

  // The deadline surge: the first submit meets 503 SERVICE_BUSY; the page says when it retries and
  // retries by itself with the same Idempotency-Key.
  const keys: string[] = [];
  let busy = true;
  await page.route('**/api/registration/applications/*/submit', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (busy) {
      busy = false;
      await route.fulfill({
        status: 503,
        headers: { 'retry-after': '2', 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'SERVICE_BUSY', message: 'busy' }),
      });
      return;
    }
    await route.continue();
  });
  await wizard.tabTo(page.getByRole('checkbox', { name: /Saya sudah memeriksa/ }));
  await page.keyboard.press('Space');
  await wizard.tabTo(page.getByRole('button', { name: 'Kirim lamaran' }));
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Server sedang sibuk. Lamaran Anda dikirim ulang otomatis dalam 2 detik/)).toBeVisible();

  const receipt = new ReceiptPage(page);
  await expect(receipt.heading()).toHaveText('Tanda terima', { timeout: 20_000 });
  await expect(receipt.registrationNumber()).toHaveText(new RegExp(`^${period.code}-\\d+`));
  await expect(page.getByText(/\d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/)).toBeVisible();
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^portal-/);
  expect(keys[1]).toBe(keys[0]);
  await receipt.expectNoAxeViolations();
  await receipt.screenshot('05-receipt');
  await expect(secondTab.getByRole('heading', { level: 1 })).toHaveText('Tanda terima');
  expect(keys).toHaveLength(2);
  await secondTab.close();

  // The registration card: a PDF, fetched with the session.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh kartu pendaftaran (PDF)' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
});
