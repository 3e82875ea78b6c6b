import { createHash } from 'node:crypto';
import { ApplicantSnapshot, DocumentReference, EducationSnapshot, FormationRequirements } from '@seleksi/contracts';

/** JSON with keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface SubmittedContent {
  applicationId: string;
  formationId: string;
  applicant: ApplicantSnapshot;
  education: EducationSnapshot;
  declarations: string[];
  documents: DocumentReference[];
}

/** The receipt's hash: of everything the applicant submitted, documents by their SHA-256. */
export function submissionHash(content: SubmittedContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export interface Completeness {
  missingDocuments: string[];
  missingDeclarations: string[];
  educationMissing: boolean;
}

export function completeness(
  requirements: FormationRequirements,
  uploadedTypes: string[],
  declarations: string[],
  requiredDeclarations: readonly string[],
  education: EducationSnapshot | null,
): Completeness {
  const uploaded = new Set(uploadedTypes);
  const declared = new Set(declarations);
  return {
    missingDocuments: requirements.documents.map((d) => d.type).filter((t) => !uploaded.has(t)),
    missingDeclarations: requiredDeclarations.filter((d) => !declared.has(d)),
    educationMissing: education === null,
  };
}

export const isComplete = (c: Completeness) => c.missingDocuments.length === 0 && c.missingDeclarations.length === 0 && !c.educationMissing;
