import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ROOT } from './stack';

interface Identity {
  nik: string;
  kkNumber: string;
  fullName: string;
  placeOfBirth: string;
  dateOfBirth: string;
  gender: 'F' | 'M';
  email: string;
  phone: string;
}

interface DistIdentities {
  applicantIdentity(i: number, tag?: string): Identity;
  sampleJpeg(size?: number): Buffer;
  samplePdf(size?: number): Buffer;
}

/** libs/testing's identities and sample files, compiled (as the services are). */
function identities(): DistIdentities {
  // The compiled libs are loaded at run time (as the services run), not bundled by Playwright's loader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(ROOT, 'deploy/node-paths.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(join(ROOT, 'dist/libs/testing/src/identities.js')) as DistIdentities;
}

export const PASSWORD = 'Rahasia-2026';

/** A new applicant for this run (unique e-mail, NIK and KK even on a database shared by runs). */
export function newApplicant(i: number): Identity & { password: string } {
  const tag = randomUUID().slice(0, 8);
  // The NIK follows from n alone: the run's one offset plus an index no other test file uses (a
  // random offset per applicant once gave two files the same NIK).
  const n = 1 + Number(process.env.PORTAL_E2E_PEOPLE_BASE ?? 0) + i;
  return { ...identities().applicantIdentity(n, tag), password: PASSWORD };
}

export const photo = () => ({ name: 'pas-foto.jpg', mimeType: 'image/jpeg', buffer: identities().sampleJpeg() });
export const diploma = () => ({ name: 'ijazah.pdf', mimeType: 'application/pdf', buffer: identities().samplePdf() });
