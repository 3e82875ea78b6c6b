import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EDUCATION_LEVELS } from '@seleksi/contracts';
import { Type } from 'class-transformer';
import { ArrayUnique, IsArray, IsIn, IsNumber, IsOptional, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';
import { RequiredText } from '@seleksi/messaging';

/** What every applicant declares (surat pernyataan); all are required to submit. */
export const DECLARATIONS = {
  DATA_TRUE: 'Data dan dokumen yang saya isi dan unggah benar',
  NOT_CIVIL_SERVANT: 'Saya bukan PNS, PPPK, anggota TNI atau Polri',
  NO_CRIMINAL_RECORD: 'Saya tidak pernah dipidana penjara dua tahun atau lebih',
  NOT_DISMISSED: 'Saya tidak pernah diberhentikan tidak dengan hormat sebagai pegawai',
  NOT_PARTY_MEMBER: 'Saya bukan anggota atau pengurus partai politik',
} as const;
export const DECLARATION_KEYS = Object.keys(DECLARATIONS) as (keyof typeof DECLARATIONS)[];

export const ACCREDITATIONS = ['Unggul', 'Baik Sekali', 'Baik', 'A', 'B', 'C', 'Tidak Terakreditasi'] as const;

export class EducationDto {
  @ApiProperty({ enum: EDUCATION_LEVELS }) @IsIn(EDUCATION_LEVELS) level!: string;
  @ApiProperty({ example: 'Universitas Padjadjaran' }) @RequiredText(200) institution!: string;
  @ApiProperty({ example: 'Teknik Informatika' }) @RequiredText(200) major!: string;
  @ApiProperty({ enum: ACCREDITATIONS, description: 'of the study programme in the graduation year' }) @IsIn(ACCREDITATIONS) accreditation!: string;
  @ApiProperty({ example: 3.41 }) @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(4) gpa!: number;
  @ApiProperty({ example: '2021-08-28' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'graduationDate must be a date YYYY-MM-DD' }) graduationDate!: string;
}

export class CreateApplicationDto {
  @ApiProperty() @IsUUID() periodId!: string;
  @ApiProperty() @IsUUID() formationId!: string;
}

/** A draft's editable parts; what is left out stays as it was. */
export class UpdateApplicationDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() formationId?: string;
  @ApiPropertyOptional({ type: EducationDto }) @IsOptional() @ValidateNested() @Type(() => EducationDto) education?: EducationDto;
  @ApiPropertyOptional({ enum: DECLARATION_KEYS, isArray: true, description: 'the declarations the applicant accepts' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(DECLARATION_KEYS, { each: true })
  declarations?: string[];
}

export class DocumentResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'ijazah' }) type!: string;
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() uploadedAt!: string;
}

/** Why an upload was refused: 413 DOCUMENT_TOO_LARGE, 415 DOCUMENT_TYPE_NOT_ALLOWED, 422 DOCUMENT_UNREADABLE_PDF / _JPEG. */
export class DocumentRefusedResponse {
  @ApiProperty({ enum: ['DOCUMENT_TOO_LARGE', 'DOCUMENT_TYPE_NOT_ALLOWED', 'DOCUMENT_UNREADABLE_PDF', 'DOCUMENT_UNREADABLE_JPEG'] }) code!: string;
  @ApiProperty({ example: 'ijazah: the PDF cannot be read (damaged or incomplete)' }) message!: string;
  @ApiProperty({ example: 'body' }) field!: string;
  @ApiProperty({ example: 'ijazah', description: "the document slot (the route's :type)" }) slot!: string;
  @ApiProperty({ example: 'application/pdf', description: 'the type the slot requires' }) expected!: string;
  @ApiProperty({ nullable: true, type: String, example: 'application/pdf', description: 'the type the content has, by its first bytes' }) detected!:
    string | null;
  @ApiProperty({ example: 412345 }) sizeBytes!: number;
  @ApiProperty({ example: 819200, description: "the slot's limit" }) maxBytes!: number;
  @ApiProperty({
    required: false,
    enum: ['MALFORMED', 'ENCRYPTED', 'NO_PAGES', 'TOO_MANY_PIXELS'],
    description: 'why the content does not read (422 only)',
  })
  reason?: string;
}

export class ReceiptResponse {
  @ApiProperty() applicationId!: string;
  @ApiProperty({ example: 'PEMKOT-2026-IT-0000042' }) registrationNumber!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ example: '15 December 2026, 21:04 WIB' }) submittedAtLocal!: string;
  @ApiProperty({ description: 'SHA-256 of what was submitted (applicant snapshot, education, declarations, document hashes)' })
  submissionHash!: string;
  @ApiProperty({ description: "base64 signature of the receipt's other fields by registration's private key" }) signature!: string;
}

export class ApplicationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() periodId!: string;
  @ApiProperty() formationId!: string;
  @ApiProperty({ enum: ['draft', 'submitted'] }) status!: string;
  @ApiPropertyOptional({ type: EducationDto, nullable: true }) education!: EducationDto | null;
  @ApiProperty({ enum: DECLARATION_KEYS, isArray: true }) declarations!: string[];
  @ApiProperty({ type: [DocumentResponse] }) documents!: DocumentResponse[];
  @ApiProperty({ description: 'required document types not uploaded yet', example: ['ijazah'] }) missingDocuments!: string[];
  @ApiPropertyOptional({ type: ReceiptResponse, nullable: true }) receipt!: ReceiptResponse | null;
}
