import PDFDocument from 'pdfkit';
import { AgencyTimeZone } from '@seleksi/contracts';
import { formatLocalDate, formatLocalTime } from '@seleksi/time';
import { SeatView } from './sessions.repository';

/** The exam card (kartu peserta) as a one-page A5 PDF; the photo is printed as its document reference. */
export function renderExamCard(seat: SeatView, timeZone: AgencyTimeZone): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A5', margin: 36, info: { Title: `Kartu Peserta SKB ${seat.participantNumber}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const end = new Date(seat.startsAt.getTime() + (seat.durationMinutes + seat.extraMinutes) * 60_000);
    doc.fontSize(14).text('KARTU PESERTA SKB', { align: 'center' });
    doc.fontSize(9).text('Seleksi Kompetensi Bidang — bawa kartu ini dan KTP asli', { align: 'center' }).moveDown();
    const rows: [string, string][] = [
      ['Nomor peserta', seat.participantNumber],
      ['Nama', seat.fullName],
      ['Foto (dokumen)', seat.photoDocumentId ?? '-'],
      ['Formasi', `${seat.formationCode} — ${seat.position}`],
      ['Tanggal', formatLocalDate(seat.startsAt, timeZone)],
      ['Sesi', seat.session],
      ['Mulai', formatLocalTime(seat.startsAt, timeZone)],
      ['Selesai', `${formatLocalTime(end, timeZone)}${seat.extraMinutes > 0 ? ` (termasuk tambahan ${seat.extraMinutes} menit)` : ''}`],
      ['Lokasi', `${seat.venue}, ${seat.address}`],
      ['Ruang / kursi', `${seat.room} / ${seat.seatNumber}`],
    ];
    for (const [label, value] of rows) doc.fontSize(10).text(`${label}: ${value}`);
    doc.moveDown().fontSize(8).text(`Aturan: ${seat.ruleVersion}`);
    doc.end();
  });
}
