import { expect, test } from '@playwright/test';
import { StaffPage } from './pom/staff-pages';
import { SignInPage } from './pom/sign-in-page';
import { staffAccounts } from './support/staff';

/** Each role's workspace, as the sign-in lands there; desktop first. */
const WORKSPACES = [
  { role: 'admin', path: '/staff/admin', heading: 'Ruang kerja admin' },
  { role: 'verifier', path: '/staff/verifier', heading: 'Antrean saya' },
  { role: 'skb-officer', path: '/staff/skb', heading: 'Ruang kerja petugas SKB' },
  { role: 'panelist', path: '/staff/panelist', heading: 'Kandidat saya' },
  { role: 'placement-officer', path: '/staff/placement', heading: 'Ruang kerja petugas penempatan' },
];

test.use({ viewport: { width: 1280, height: 900 } });

/**
 * The role matrix: each role's sign-in lands in its own workspace, its menu offers no other, and a
 * deep link into another role's page shows the "not allowed" page (the APIs refuse those calls anyway).
 */
test('each staff role signs in to its own workspace and is turned away from the others', async ({ page }) => {
  const accounts = await staffAccounts([...WORKSPACES.map((w) => [w.role]), ['verifier', 'panelist']]);
  for (const [i, workspace] of WORKSPACES.entries()) {
    const account = accounts[i];
    const signIn = new SignInPage(page);
    const staff = new StaffPage(page);
    await signIn.open();
    await signIn.signIn(account.email, account.password);
    await expect(page).toHaveURL(new RegExp(`${workspace.path}$`));
    await staff.expectHeading(workspace.heading);
    await expect(page.getByRole('link', { name: 'Lamaran saya' })).toHaveCount(0);
    await staff.expectNoAxeViolations();

    for (const other of WORKSPACES.filter((w) => w !== workspace)) {
      await page.goto(other.path);
      await expect(staff.notAllowed()).toBeVisible();
      await expect(page.getByRole('heading', { name: other.heading })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Ke ruang kerja Anda' })).toHaveAttribute('href', workspace.path);
    }
    await staff.expectNoAxeViolations();
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
  }

  // Two roles: the sign-in offers the choice of workspaces, and only those two.
  const both = accounts[WORKSPACES.length];
  const signIn = new SignInPage(page);
  await signIn.open();
  await signIn.signIn(both.email, both.password);
  await expect(page).toHaveURL(/\/staff$/);
  const links = page.getByRole('main').getByRole('link');
  await expect(links).toHaveText(['Ruang kerja verifikator', 'Ruang kerja panelis wawancara']);
  await new StaffPage(page).expectNoAxeViolations();
  await page.goto('/staff/admin');
  await expect(new StaffPage(page).notAllowed()).toBeVisible();
});
