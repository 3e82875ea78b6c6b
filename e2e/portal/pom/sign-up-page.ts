import type { Locator } from '@playwright/test';
import { PortalPage } from './portal-page';

export interface SignUpDetails {
  fullName: string;
  nik: string;
  kkNumber: string;
  placeOfBirth: string;
  dateOfBirth: string;
  gender: 'F' | 'M';
  email: string;
  phone: string;
  password: string;
}

/** Sign-up by keyboard only: Tab to each field, type, Space on the radio, Enter on the button. */
export class SignUpPage extends PortalPage {
  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: typeof label === 'string' });
  }

  errorSummary(): Locator {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { name: /perlu diperbaiki|problem/ }) });
  }

  async typeInto(label: string | RegExp, text: string): Promise<void> {
    const field = this.field(label);
    await this.tabTo(field);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text);
  }

  async fillByKeyboard(d: SignUpDetails): Promise<void> {
    await this.typeInto('Nama lengkap', d.fullName);
    await this.typeInto('NIK', d.nik);
    await this.typeInto('Nomor KK', d.kkNumber);
    await this.typeInto('Tempat lahir', d.placeOfBirth);
    const [y, m, day] = d.dateOfBirth.split('-');
    await this.typeInto('Tanggal', String(Number(day)));
    await this.typeInto('Bulan', String(Number(m)));
    await this.typeInto('Tahun', y);
    const radio = this.page.getByRole('radio', { name: d.gender === 'F' ? 'Perempuan' : 'Laki-laki' });
    await this.tabTo(this.page.getByRole('radio').first());
    if (!(await radio.evaluate((el) => el === el.ownerDocument.activeElement))) await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Space');
    await this.typeInto('Alamat e-mail', d.email);
    await this.typeInto('Nomor ponsel', d.phone);
    await this.typeInto('Kata sandi', d.password);
  }

  async submitByKeyboard(): Promise<void> {
    await this.tabTo(this.page.getByRole('button', { name: 'Buat akun' }));
    await this.page.keyboard.press('Enter');
  }
}
