import PDFDocument from 'pdfkit';

export interface RegistrationCard {
  agencyName: string;
  periodName: string;
  registrationNumber: string;
  fullName: string;
  nikMasked: string;
  placeAndDateOfBirth: string;
  formation: string;
  unit: string;
  submittedAtLocal: string;
  submissionHash: string;
}

/** The registration card (kartu pendaftaran) an applicant prints as proof of submission. */
export function renderRegistrationCard(card: RegistrationCard): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5', layout: 'landscape', margin: 36, info: { Title: `Kartu Pendaftaran ${card.registrationNumber}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(14).text(card.agencyName, { align: 'center' });
    doc.fontSize(11).text(card.periodName, { align: 'center' });
    doc.moveDown(0.5).fontSize(13).text('KARTU PENDAFTARAN', { align: 'center', underline: true });
    doc.moveDown();
    const rows: [string, string][] = [
      ['Nomor pendaftaran', card.registrationNumber],
      ['Nama', card.fullName],
      ['NIK', card.nikMasked],
      ['Tempat, tanggal lahir', card.placeAndDateOfBirth],
      ['Formasi', card.formation],
      ['Unit kerja', card.unit],
      ['Dikirim', card.submittedAtLocal],
    ];
    doc.fontSize(10);
    for (const [label, value] of rows) doc.text(`${label.padEnd(24, ' ')}: ${value}`);
    doc.moveDown().fontSize(7).text(`SHA-256 berkas: ${card.submissionHash}`);
    doc.end();
  });
}
