import { expect } from '@playwright/test';
import { StaffPage } from './staff-pages';

/** The SKB officer's pages: the period's steps menu, the forms, the grid and the results. */
export class SkbPages extends StaffPage {
  async step(name: 'Ringkasan' | 'Lokasi dan sesi' | 'Pembagian kursi' | 'Nilai dan kehadiran' | 'Hasil'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Langkah SKB' }).getByRole('link', { name, exact: true }).click();
  }

  async addVenue(name: string, address: string, rooms: { name: string; capacity: number }[]): Promise<void> {
    await this.page.getByLabel('Nama lokasi').fill(name);
    await this.page.getByLabel('Alamat', { exact: true }).fill(address);
    for (const [i, room] of rooms.entries()) {
      if (i > 0) await this.page.getByRole('button', { name: 'Tambah ruang' }).click();
      await this.page.getByLabel(`Nama ruang ${i + 1}`).fill(room.name);
      await this.page.getByLabel(`Kapasitas ruang ${i + 1} (kursi)`).fill(String(room.capacity));
    }
    await this.page.getByRole('button', { name: 'Simpan lokasi' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `Lokasi ${name} tersimpan.` })).toBeVisible();
  }

  async addSession(name: string, date: string, startTime: string, minutes: number): Promise<void> {
    await this.page.getByLabel('Nama sesi').fill(name);
    await this.page.getByLabel('Tanggal').fill(date);
    await this.page.getByLabel('Jam mulai').fill(startTime);
    await this.page.getByLabel('Durasi (menit)').fill(String(minutes));
    await this.page.getByRole('button', { name: 'Simpan sesi' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `Sesi ${name} tersimpan.` })).toBeVisible();
  }

  async importScores(fileName: string, lines: string[]): Promise<void> {
    await this.page.getByLabel('Berkas nilai CAT (CSV)').setInputFiles({
      name: fileName,
      mimeType: 'text/csv',
      buffer: Buffer.from(['participant_number,component,score', ...lines].join('\r\n'), 'utf8'),
    });
    await this.page.getByRole('button', { name: 'Impor berkas' }).click();
  }

  /** The import's long-operation box: running, then the outcome (also read back from skb). */
  importOutcome() {
    return this.page.locator('#score-import');
  }

  latestImport() {
    return this.page.getByTestId('latest-import');
  }

  problems() {
    return this.page.getByRole('table', { name: /^Baris bermasalah/ });
  }

  grid() {
    return this.page.getByRole('table', { name: 'Nilai dan kehadiran per peserta' });
  }

  gridRow(participantNumber: string) {
    return this.grid().getByRole('row', { name: new RegExp(participantNumber) });
  }
}
