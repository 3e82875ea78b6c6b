import { encode as encodeJpeg } from 'jpeg-js';
/**
 * Applicants that look like real Indonesian ones: names, birthplaces, and NIKs consistent with
 * their birth date, gender and region, as registration checks them. Deterministic per index, so a
 * test or a demo can be reproduced.
 */
const GIVEN_F = ['Siti', 'Dewi', 'Putri', 'Ayu', 'Rina', 'Nur', 'Fitri', 'Intan', 'Sri', 'Lestari', 'Wulan', 'Anisa', 'Ratna', 'Yuni', 'Indah'];
const GIVEN_M = ['Budi', 'Agus', 'Andi', 'Rizky', 'Dimas', 'Fajar', 'Hendra', 'Yoga', 'Arif', 'Bayu', 'Eko', 'Joko', 'Rudi', 'Wahyu', 'Gilang'];
const FAMILY = [
  'Rahmawati',
  'Santoso',
  'Wijaya',
  'Saputra',
  'Hidayat',
  'Nugroho',
  'Pratama',
  'Kusuma',
  'Siregar',
  'Nasution',
  'Simanjuntak',
  'Setiawan',
  'Halim',
  'Gunawan',
  'Permana',
  'Lubis',
  'Hutapea',
  'Sihombing',
  'Wibowo',
  'Firmansyah',
];
/** Province, regency and district codes with a birthplace in that regency. */
const REGIONS: { code: string; place: string }[] = [
  { code: '327301', place: 'Bandung' },
  { code: '317101', place: 'Jakarta' },
  { code: '357801', place: 'Surabaya' },
  { code: '337401', place: 'Semarang' },
  { code: '347101', place: 'Yogyakarta' },
  { code: '127101', place: 'Medan' },
  { code: '737101', place: 'Makassar' },
  { code: '517101', place: 'Denpasar' },
  { code: '647101', place: 'Balikpapan' },
  { code: '947101', place: 'Jayapura' },
];

export interface ApplicantIdentity {
  nik: string;
  kkNumber: string;
  fullName: string;
  placeOfBirth: string;
  dateOfBirth: string;
  gender: 'F' | 'M';
  email: string;
  phone: string;
}

/** The NIK a person born on `dateOfBirth` with `gender` gets in `regionCode` (6 digits) with a sequence. */
export function nikFor(regionCode: string, dateOfBirth: string, gender: 'F' | 'M', sequence: number): string {
  const [year, month, day] = dateOfBirth.split('-').map(Number);
  const dd = gender === 'F' ? day + 40 : day;
  return `${regionCode}${String(dd).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String(sequence).padStart(4, '0')}`;
}

/** Applicant number `i` of a run; `tag` keeps e-mails unique across runs sharing a database. */
export function applicantIdentity(i: number, tag = 'x'): ApplicantIdentity {
  const gender: 'F' | 'M' = i % 2 === 0 ? 'F' : 'M';
  const given = (gender === 'F' ? GIVEN_F : GIVEN_M)[i % 15];
  const family = FAMILY[Math.floor(i / 15) % FAMILY.length];
  const region = REGIONS[i % REGIONS.length];
  // Born 1992–2003, spread over the year; day capped at 28 so every month is valid.
  const year = 1992 + (i % 12);
  const month = 1 + (Math.floor(i / 12) % 12);
  const day = 1 + (Math.floor(i / 7) % 28);
  const dateOfBirth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const sequence = 1 + (Math.floor(i / REGIONS.length) % 9999);
  const tagDigits = [...tag].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 89, 7) + 10;
  return {
    nik: nikFor(region.code, dateOfBirth, gender, sequence),
    kkNumber: `${region.code}${String(10 + (i % 89)).padStart(2, '0')}${String(tagDigits).padStart(2, '0')}${String(10 + (Math.floor(i / 89) % 89))}${String(1 + (i % 9998)).padStart(4, '0')}`,
    fullName: `${given} ${family}`,
    placeOfBirth: region.place,
    dateOfBirth,
    gender,
    email: `${given}.${family}.${i}.${tag}@contoh.id`.toLowerCase(),
    phone: `0812${String(10_000_000 + i).slice(-8)}`,
  };
}

/**
 * Files whose content is what they claim, of an exact size: a JPEG that decodes (an 8×8 grey image,
 * grown with comment segments) and a PDF that parses (one blank A4 page, grown with comment lines).
 * Registration decodes and parses every upload, so a fixture that only had the right first bytes
 * would be refused.
 */
export function sampleJpeg(sizeBytes = 20_000): Buffer {
  const base = baseJpeg();
  if (sizeBytes < base.length) throw new RangeError(`a sample JPEG has at least ${base.length} bytes`);
  // A COM segment is FF FE, a two-byte length (counting itself) and up to 65,533 bytes of text.
  const segments: Buffer[] = [];
  let remaining = sizeBytes - base.length;
  while (remaining >= 4) {
    let total = Math.min(remaining, 65_537);
    if (remaining - total > 0 && remaining - total < 4) total -= 4; // leave room for one more segment
    const segment = Buffer.alloc(total, 0x20);
    segment[0] = 0xff;
    segment[1] = 0xfe;
    segment.writeUInt16BE(total - 2, 2);
    segments.push(segment);
    remaining -= total;
  }
  // 1–3 bytes left (only when sizeBytes is base + 1..3): decoders ignore bytes after the end marker.
  return Buffer.concat([base.subarray(0, 2), ...segments, base.subarray(2), Buffer.alloc(remaining)]);
}

let jpegBase: Buffer | undefined;
function baseJpeg(): Buffer {
  jpegBase ??= Buffer.from(encodeJpeg({ data: Buffer.alloc(8 * 8 * 4, 0x80), width: 8, height: 8 }, 50).data);
  return jpegBase;
}

export function samplePdf(sizeBytes = 40_000): Buffer {
  const head = [
    '%PDF-1.4\n%seleksi sample\n',
    '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
    '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n',
    '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>\nendobj\n',
  ];
  const offsets = head.slice(1).map((_, i) => head.slice(0, i + 1).join('').length);
  const xref = `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const trailer = 'trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n';
  const fixed = head.join('').length + xref.length + trailer.length + '\n%%EOF\n'.length;
  // The padding sits between the last object and the xref table, so only startxref moves with it.
  for (let digits = 1; digits <= 12; digits++) {
    const padding = sizeBytes - fixed - digits;
    const xrefAt = head.join('').length + padding;
    if (padding < 0 || String(xrefAt).length !== digits) continue;
    return Buffer.from(`${head.join('')}${pdfComment(padding)}${xref}${trailer}${xrefAt}\n%%EOF\n`, 'latin1');
  }
  throw new RangeError(`a sample PDF has at least ${fixed + 3} bytes`);
}

/** `length` bytes of PDF comment lines (a lone newline when one byte is left). */
function pdfComment(length: number): string {
  const lines: string[] = [];
  let remaining = length;
  while (remaining >= 2) {
    const line = Math.min(remaining, 80);
    const take = remaining - line === 1 ? line - 1 : line;
    lines.push(`%${' '.repeat(take - 2)}\n`);
    remaining -= take;
  }
  if (remaining === 1) lines.push('\n');
  return lines.join('');
}
