/**
 * Why an application does not meet the requirements (TMS), as domain.md stage 2 lists them. The code
 * is what systems store; the label is what the applicant reads. Codes are stable: add, never rename.
 */
export const REASON_CATALOGUE = [
  { code: 'AGE_OVER_LIMIT', label: 'Usia melebihi batas maksimal pada tanggal acuan' },
  { code: 'AGE_UNDER_LIMIT', label: 'Usia belum memenuhi batas minimal pada tanggal acuan' },
  { code: 'EDUCATION_LEVEL_NOT_ACCEPTED', label: 'Kualifikasi pendidikan tidak sesuai dengan formasi' },
  { code: 'MAJOR_NOT_ACCEPTED', label: 'Program studi tidak sesuai dengan formasi' },
  { code: 'GPA_BELOW_MINIMUM', label: 'IPK di bawah batas minimal' },
  { code: 'ACCREDITATION_NOT_VALID', label: 'Akreditasi program studi tidak berlaku pada tahun kelulusan' },
  { code: 'DOCUMENT_MISSING', label: 'Dokumen wajib tidak diunggah' },
  { code: 'SCAN_UNREADABLE', label: 'Hasil pindai dokumen tidak terbaca' },
  { code: 'DOCUMENT_WRONG_SLOT', label: 'Dokumen diunggah pada tempat yang salah' },
  { code: 'NAME_MISMATCH', label: 'Nama pada KTP dan ijazah tidak sama' },
  { code: 'LETTER_WRONG_ADDRESSEE', label: 'Surat lamaran ditujukan kepada instansi yang salah' },
  { code: 'OTHER', label: 'Alasan lain (lihat catatan verifikator)' },
] as const;

export type ReasonCode = (typeof REASON_CATALOGUE)[number]['code'];

const BY_CODE = new Map<string, string>(REASON_CATALOGUE.map((r) => [r.code, r.label]));

export function reasonLabel(code: string): string | undefined {
  return BY_CODE.get(code);
}
