import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApplicationSubmitted, EDUCATION_LEVELS } from '@seleksi/contracts';

/** The applicant as submitted; the KK digest stays in screening (a verifier needs no family key). */
export class SubmittedApplicantDto {
  @ApiProperty() fullName!: string;
  @ApiProperty() placeOfBirth!: string;
  @ApiProperty({ format: 'date', example: '1998-04-12' }) dateOfBirth!: string;
  @ApiProperty({ enum: ['F', 'M'] }) gender!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ example: '+6281234567890' }) phone!: string;
}

export class SubmittedEducationDto {
  @ApiProperty({ enum: EDUCATION_LEVELS }) level!: string;
  @ApiProperty() institution!: string;
  @ApiProperty() major!: string;
  @ApiProperty() accreditation!: string;
  @ApiProperty({ minimum: 0, maximum: 4 }) gpa!: number;
  @ApiProperty({ format: 'date' }) graduationDate!: string;
}

export class SubmittedDocumentDto {
  @ApiProperty({ example: 'ijazah' }) type!: string;
  @ApiProperty({ format: 'uuid' }) documentId!: string;
  @ApiProperty({ enum: ['image/jpeg', 'application/pdf'] }) mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes as uploaded' }) sha256!: string;
}

export class NikWarningDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class DocumentRequirementDto {
  @ApiProperty() type!: string;
  @ApiProperty({ enum: ['image/jpeg', 'application/pdf'] }) mediaType!: string;
  @ApiProperty() maxBytes!: number;
}

/** The formation's requirements as they stood when the application was submitted (the checks ran against these). */
export class SubmittedRequirementsDto {
  @ApiProperty({ enum: EDUCATION_LEVELS, isArray: true }) educationLevels!: string[];
  @ApiProperty({ type: [String] }) acceptedMajors!: string[];
  @ApiProperty() minimumGpa!: number;
  @ApiProperty() minimumAge!: number;
  @ApiProperty() maximumAge!: number;
  @ApiProperty({ type: [DocumentRequirementDto] }) documents!: DocumentRequirementDto[];
}

export class SubmissionDto {
  @ApiProperty() registrationNumber!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty() declarationsAccepted!: boolean;
  @ApiPropertyOptional({ description: 'The formation type (e.g. UMUM), when registration sent it' }) formationType?: string;
  @ApiProperty({ type: SubmittedApplicantDto }) applicant!: SubmittedApplicantDto;
  @ApiProperty({ type: SubmittedEducationDto }) education!: SubmittedEducationDto;
  @ApiProperty({ type: [SubmittedDocumentDto] }) documents!: SubmittedDocumentDto[];
  @ApiProperty({ type: [NikWarningDto], description: 'Inconsistencies between the NIK and the data entered; shown to the verifier, never decisive' })
  nikWarnings!: NikWarningDto[];
  @ApiProperty({ type: SubmittedRequirementsDto }) requirements!: SubmittedRequirementsDto;
}

export function mapSubmission(s: ApplicationSubmitted): SubmissionDto {
  const { applicant: a, education: e, requirements: r } = s;
  return {
    registrationNumber: s.registrationNumber,
    submittedAt: s.submittedAt,
    declarationsAccepted: s.declarationsAccepted,
    ...(s.formationType ? { formationType: s.formationType } : {}),
    applicant: { fullName: a.fullName, placeOfBirth: a.placeOfBirth, dateOfBirth: a.dateOfBirth, gender: a.gender, email: a.email, phone: a.phone },
    education: {
      level: e.level,
      institution: e.institution,
      major: e.major,
      accreditation: e.accreditation,
      gpa: e.gpa,
      graduationDate: e.graduationDate,
    },
    documents: s.documents.map((d) => ({ type: d.type, documentId: d.documentId, mediaType: d.mediaType, sizeBytes: d.sizeBytes, sha256: d.sha256 })),
    nikWarnings: (s.nikWarnings ?? []).map((w) => ({ code: w.code, message: w.message })),
    requirements: {
      educationLevels: [...r.educationLevels],
      acceptedMajors: [...r.acceptedMajors],
      minimumGpa: r.minimumGpa,
      minimumAge: r.minimumAge,
      maximumAge: r.maximumAge,
      documents: r.documents.map((d) => ({ type: d.type, mediaType: d.mediaType, maxBytes: d.maxBytes })),
    },
  };
}
