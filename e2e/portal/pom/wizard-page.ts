import { PortalPage } from './portal-page';

export interface EducationDetails {
  level: string;
  institution: string;
  major: string;
  gpa: string;
  graduationDate: string;
  accreditation: string;
}

export class WizardPage extends PortalPage {
  saveAndContinue() {
    return this.page.getByRole('button', { name: 'Simpan dan lanjut' });
  }

  async fillEducation(e: EducationDetails): Promise<void> {
    await this.page.getByLabel('Jenjang pendidikan').selectOption(e.level);
    await this.page.getByLabel('Perguruan tinggi / sekolah').fill(e.institution);
    await this.page.getByLabel('Program studi', { exact: true }).fill(e.major);
    await this.page.getByLabel('IPK', { exact: true }).fill(e.gpa);
    const [y, m, d] = e.graduationDate.split('-');
    const date = this.page.getByRole('group', { name: 'Tanggal lulus' });
    await date.getByLabel('Tanggal', { exact: true }).fill(d);
    await date.getByLabel('Bulan', { exact: true }).fill(m);
    await date.getByLabel('Tahun', { exact: true }).fill(y);
    await this.page.getByLabel('Akreditasi program studi saat lulus').selectOption(e.accreditation);
  }

  async acceptAllDeclarations(): Promise<void> {
    for (const box of await this.page.getByRole('checkbox').all()) await box.check();
  }

  documentInput(label: string) {
    return this.page.getByLabel(label, { exact: true });
  }

  async upload(label: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.documentInput(label).setInputFiles(file);
  }
}
