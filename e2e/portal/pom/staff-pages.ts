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
