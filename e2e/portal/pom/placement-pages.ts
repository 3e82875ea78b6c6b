import { expect } from '@playwright/test';
import { StaffPage } from './staff-pages';

/** The placement officer's pages: a period's menu, its long operations, its tables. */
export class PlacementPages extends StaffPage {
  async openPeriod(periodId: string, section = ''): Promise<void> {
    await this.page.goto(`/staff/placement/periods/${periodId}${section}`);
  }

  menu(name: string) {
    return this.page.getByRole('navigation', { name: 'Menu penempatan' }).getByRole('link', { name, exact: true });
  }

  /** A long operation's section (Perhitungan peringkat, Usulan penempatan, Konfirmasi, Pengumuman). */
  operation(title: string) {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  async runOperation(title: string, button: string, outcome: string | RegExp): Promise<void> {
    const section = this.operation(title);
    await section.getByRole('button', { name: button }).click();
    await expect(section.getByRole('status')).toContainText('Selesai.');
    await expect(section.getByTestId(/-outcome$/)).toHaveText(outcome);
  }

  rankingRow(participantNumber: string) {
    return this.page.getByRole('table', { name: /^Peringkat formasi/ }).getByRole('row', { name: new RegExp(participantNumber) });
  }

  seats(code: string) {
    return this.page.getByRole('table', { name: `Kursi formasi ${code}` });
  }
}
