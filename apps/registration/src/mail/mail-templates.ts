/**
 * Every e-mail registration sends, in Indonesian (the source) and English, chosen by the account's
 * locale. Times reach these templates already formatted by formatLocalTime in the agency's zone.
 */
export type MailLocale = 'id' | 'en';

export interface RenderedMail {
  kind: MailKind;
  subject: string;
  body: string;
}

interface Templates<P> {
  id: (p: P) => { subject: string; body: string };
  en: (p: P) => { subject: string; body: string };
}

interface Greeting {
  fullName: string;
}
type LinkParams = Greeting & { link: string; validFor: { hours: number; minutes: number } };
type OutcomeParams = Greeting & { link: string; periodName: string; detail?: string };

const signature = { id: '\n\nSalam,\nPanitia Seleksi', en: '\n\nRegards,\nThe selection committee' };

function duration(locale: MailLocale, v: { hours: number; minutes: number }): string {
  if (v.hours >= 1) return locale === 'id' ? `${v.hours} jam` : `${v.hours} hour${v.hours === 1 ? '' : 's'}`;
  return locale === 'id' ? `${v.minutes} menit` : `${v.minutes} minutes`;
}

const CONFIRM_EMAIL: Templates<LinkParams> = {
  id: (p) => ({
    subject: 'Konfirmasi alamat e-mail Seleksi',
    body: `Halo ${p.fullName},\n\nBuka tautan berikut untuk mengonfirmasi alamat e-mail Anda (berlaku ${duration('id', p.validFor)}):\n${p.link}\n\nJika Anda tidak mendaftar, abaikan e-mail ini.${signature.id}`,
  }),
  en: (p) => ({
    subject: 'Confirm your Seleksi e-mail address',
    body: `Hello ${p.fullName},\n\nOpen this link to confirm your e-mail address (valid for ${duration('en', p.validFor)}):\n${p.link}\n\nIf you did not sign up, ignore this e-mail.${signature.en}`,
  }),
};

const PASSWORD_RESET: Templates<LinkParams> = {
  id: (p) => ({
    subject: 'Atur ulang kata sandi Seleksi',
    body: `Halo ${p.fullName},\n\nBuka tautan berikut untuk membuat kata sandi baru (berlaku ${duration('id', p.validFor)}, sekali pakai):\n${p.link}\n\nSetelah kata sandi diganti, semua sesi yang masih masuk akan keluar. Jika Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tetap.${signature.id}`,
  }),
  en: (p) => ({
    subject: 'Reset your Seleksi password',
    body: `Hello ${p.fullName},\n\nOpen this link to choose a new password (valid for ${duration('en', p.validFor)}, once):\n${p.link}\n\nOnce the password is changed, every signed-in session is signed out. If you did not ask for this, ignore this e-mail; your password stays as it is.${signature.en}`,
  }),
};

function outcome(id: string, en: string): Templates<OutcomeParams> {
  return {
    id: (p) => ({
      subject: `${id}: ${p.periodName}`,
      body: `Halo ${p.fullName},\n\n${id} untuk ${p.periodName} sudah diumumkan.${p.detail ? `\n${p.detail}` : ''}\n\nLihat rinciannya di portal:\n${p.link}${signature.id}`,
    }),
    en: (p) => ({
      subject: `${en}: ${p.periodName}`,
      body: `Hello ${p.fullName},\n\nThe ${en.toLowerCase()} for ${p.periodName} has been published.${p.detail ? `\n${p.detail}` : ''}\n\nSee the details in the portal:\n${p.link}${signature.en}`,
    }),
  };
}

const TEMPLATES = {
  'confirm-email': CONFIRM_EMAIL,
  'password-reset': PASSWORD_RESET,
  'administrative-result': outcome('Hasil seleksi administrasi', 'Administrative selection result'),
  'final-list': outcome('Hasil akhir seleksi administrasi', 'Final administrative result'),
  'exam-card': outcome('Kartu peserta ujian', 'Exam card'),
  'skb-result': outcome('Hasil SKB', 'SKB result'),
  'final-outcome': outcome('Pengumuman hasil akhir', 'Final outcome'),
} as const;

export type MailKind = keyof typeof TEMPLATES;
export type OutcomeMailKind = Exclude<MailKind, 'confirm-email' | 'password-reset'>;
type ParamsOf<K extends MailKind> = (typeof TEMPLATES)[K] extends Templates<infer P> ? P : never;

export function renderMail<K extends MailKind>(kind: K, locale: MailLocale, params: ParamsOf<K>): RenderedMail {
  const templates = TEMPLATES[kind] as Templates<ParamsOf<K>>;
  return { kind, ...templates[locale](params) };
}

/** Extra lines of an outcome e-mail, by the event's values. */
export const OUTCOME_DETAILS = {
  appealUntil: { id: (when: string) => `Masa sanggah berakhir ${when}.`, en: (when: string) => `Appeals can be filed until ${when}.` },
  examAt: {
    id: (when: string, venue: string) => `Ujian: ${when}, ${venue}.`,
    en: (when: string, venue: string) => `Exam: ${when}, ${venue}.`,
  },
} as const;
