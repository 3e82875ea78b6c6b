import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { SignInPage } from './pom/sign-in-page';
import { StaffPage } from './pom/staff-pages';
import { api, eventually, openPeriod } from './support/api';
import { staffAccount } from './support/staff';

test.use({ viewport: { width: 1280, height: 900 } });

/** The admin's periods, and one period's rules, verifiers with their open cases, and overdue appeals. */
test('admin sees the periods, the rules of a period, its verifiers and its overdue appeals', async ({ page }) => {
  const period = await openPeriod(`D${Date.now().toString(36)}`);
  await eventually('screening to register a verifier', () =>
    api('screening', 'POST', `/periods/${period.periodId}/verifiers`, {
      token: period.admin.token,
      json: { accountId: randomUUID(), name: 'Verifikator Dua', kkNumber: '7371019900000091' },
    }),
  );
  const admin = staffAccount(['admin'], 'Admin Instansi');
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(admin.email, admin.password);
  const staff = new StaffPage(page);
  await staff.expectHeading('Ruang kerja admin');
  const row = page.getByRole('row').filter({ hasText: period.code });
  await expect(row).toContainText('dibuka');
  await expect(row).toContainText(/\d{1,2} \w+ \d{4}, \d{2}:\d{2} WIB/);
  await staff.expectNoAxeViolations();
  await staff.documentScreenshot('workspace-admin');

  await row.getByRole('link', { name: period.code }).click();
  await staff.expectHeading(`Periode ${period.code}`);
  await expect(page.getByRole('definition').filter({ hasText: 'e2e.1' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Verifikator periode ini/ }).getByRole('row', { name: /Verifikator Dua/ })).toContainText('0');
  await expect(page.getByText('Tidak ada sanggahan yang terlambat dijawab.')).toBeVisible();
  await staff.expectNoAxeViolations();
});
