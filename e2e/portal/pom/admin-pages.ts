import { expect } from '@playwright/test';
import { StaffPage } from './staff-pages';

/** The admin's period pages: the period form, the formation form, the period's hub, panels and rubrics. */
export class AdminPeriodPage extends StaffPage {
  /** An input by the API field it sends (`placement.reportingDate` → #f-placement-reportingDate). */
  field(path: string) {
    return this.page.locator(`#f-${path.replace(/\./g, '-')}`);
  }

  hint(path: string) {
    return this.page.locator(`#f-${path.replace(/\./g, '-')}-hint`);
  }

  button(name: string | RegExp) {
    return this.page.getByRole('button', { name });
  }

  link(name: string | RegExp) {
    return this.page.getByRole('link', { name });
  }

  step(title: string) {
    return this.page.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name: title }) });
  }

  status(text: string | RegExp) {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  alert(text: string | RegExp) {
    return this.page.getByRole('alert').filter({ hasText: text });
  }

  errorSummary() {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: 'Ada yang perlu diperbaiki' }) });
  }

  /** Clicks until the outcome shows: a service that has not yet heard an event (the period, a formation) refuses at first. */
  async clickUntil(button: ReturnType<AdminPeriodPage['button']>, outcome: ReturnType<AdminPeriodPage['status']>, timeout = 60_000): Promise<void> {
    await expect(async () => {
      await button.click();
      await expect(outcome).toBeVisible({ timeout: 4_000 });
    }).toPass({ timeout });
  }
}
