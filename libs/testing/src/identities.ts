/**
 * Applicants that look like real Indonesian ones: names, birthplaces, and NIKs consistent with
 * their birth date, gender and region, as registration checks them. Deterministic per index, so a
 * test or a demo can be reproduced.
 */
const GIVEN_F = ['Siti', 'Dewi', 'Putri', 'Ayu', 'Rina', 'Nur', 'Fitri', 'Intan', 'Sri', 'Lestari', 'Wulan', 'Anisa', 'Ratna', 'Yuni', 'Indah'];
const GIVEN_M = ['Budi', 'Agus', 'Andi', 'Rizky', 'Dimas', 'Fajar', 'Hendra', 'Yoga', 'Arif', 'Bayu', 'Eko', 'Joko', 'Rudi', 'Wahyu', 'Gilang'];
const FAMILY = ['Rahmawati', 'Santoso', 'Wijaya', 'Saputra', 'Hidayat', 'Nugroho', 'Pratama', 'Kusuma', 'Siregar', 'Nasution', 'Simanjuntak',
  'Setiawan', 'Halim', 'Gunawan', 'Permana', 'Lubis', 'Hutapea', 'Sihombing', 'Wibowo', 'Firmansyah'];
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

/** Smallest files whose content is what they claim: a JPEG and a PDF of a given size. */
export function sampleJpeg(sizeBytes = 20_000): Buffer {
  const file = Buffer.alloc(sizeBytes, 0x20);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]).copy(file);
  file[sizeBytes - 2] = 0xff;
  file[sizeBytes - 1] = 0xd9;
  return file;
}

export function samplePdf(sizeBytes = 40_000): Buffer {
  const file = Buffer.alloc(sizeBytes, 0x20);
  Buffer.from('%PDF-1.4\n%seleksi sample\n').copy(file);
  Buffer.from('\n%%EOF\n').copy(file, sizeBytes - 7);
  return file;
}
