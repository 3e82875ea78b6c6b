import { expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/stack';
import { PortalPage } from './portal-page';

/** Any staff page: the "not allowed" answer, and the README's screenshot of a workspace. */
export class StaffPage extends PortalPage {
  notAllowed() {
    return this.page.getByRole('heading', { level: 1, name: 'Halaman ini bukan untuk peran Anda' });
  }

  /** A screenshot for the README (docs/screenshots/), desktop sized. */
  async documentScreenshot(name: string): Promise<void> {
    const dir = join(ROOT, 'docs/screenshots');
    mkdirSync(dir, { recursive: true });
    await this.page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
  }

  async expectHeading(text: string | RegExp): Promise<void> {
    await expect(this.heading()).toHaveText(text);
  }
}

export class VerifierQueuePage extends StaffPage {
  caseLink(registrationNumber: string) {
    return this.page.getByRole('link', { name: registrationNumber });
  }

  left() {
    return this.page.locator('#queue-left');
  }

  select(registrationNumber: string) {
    return this.page.getByRole('checkbox', { name: `Pilih berkas ${registrationNumber}` });
  }
}

export class VerifierCasePage extends StaffPage {
  checks() {
    return this.page.getByRole('table', { name: 'Pemeriksaan otomatis' });
  }

  document(name: string | RegExp) {
    return this.page.getByRole('button', { name });
  }

  submit() {
    return this.page.getByRole('button', { name: 'Simpan keputusan' });
  }
}

/** The panelist's list: candidates by participant number only. */
export class PanelistCandidatesPage extends StaffPage {
  candidateLink(participantNumber: string) {
    return this.page.getByRole('link', { name: participantNumber, exact: true });
  }

  row(participantNumber: string) {
    return this.page.getByRole('row').filter({ has: this.candidateLink(participantNumber) });
  }
}

/** One candidate: the rubric sheet with anchored levels, the panel's sheets after mine, the chair's part. */
export class PanelistCandidatePage extends StaffPage {
  /** Picks the level of a criterion (its radio, labelled with the anchored description) and writes why. */
  async score(criterion: string, level: number, justification: string): Promise<void> {
    const group = this.page.getByRole('group', { name: new RegExp(`^${criterion} \\(bobot`) });
    await group.getByRole('radio', { name: new RegExp(`^Tingkat ${level}:`) }).check();
    await group.getByLabel(`Alasan penilaian ${criterion}`).fill(justification);
  }

  level(criterion: string, level: number) {
    return this.page.getByRole('group', { name: new RegExp(`^${criterion} \\(bobot`) }).getByRole('radio', { name: new RegExp(`^Tingkat ${level}:`) });
  }

  panelSheets() {
    return this.page.getByRole('table', { name: 'Nilai dan alasan setiap panelis per kriteria' });
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }
}
