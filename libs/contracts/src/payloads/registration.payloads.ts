import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ApplicationScoped, EDUCATION_LEVELS, FormationRequirements, PeriodScoped, TIME_ZONES } from './common';

export class StageWeights {
  @IsNumber() @Min(0) @Max(100) skb!: number;
  @IsNumber() @Min(0) @Max(100) interview!: number;
}

export class PeriodOpened extends PeriodScoped {
  @IsString() @IsNotEmpty() agencyName!: string;
  @IsIn(TIME_ZONES) timeZone!: string;
  @IsISO8601() registrationOpensAt!: string;
  @IsISO8601() registrationClosesAt!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) ageReferenceDate!: string;
  @IsInt() @Min(1) appealFilingDays!: number;
  @IsInt() @Min(1) appealAnsweringDays!: number;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => StageWeights) stageWeights!: StageWeights;
  @IsNumber() @Min(1) skbProceedFactor!: number;
  @IsArray() @IsString({ each: true }) tieBreakChain!: string[];
}

export class PeriodClosed extends PeriodScoped {
  @IsISO8601() closedAt!: string;
  @IsInt() @Min(0) submittedApplications!: number;
}

export class FormationPublished extends PeriodScoped {
  @IsUUID() formationId!: string;
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() position!: string;
  @IsString() @IsNotEmpty() unit!: string;
  @IsString() @IsNotEmpty() formationType!: string;
  @IsInt() @Min(0) quota!: number;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => FormationRequirements) requirements!: FormationRequirements;
}

export class FormationQuotaChanged extends PeriodScoped {
  @IsUUID() formationId!: string;
  @IsInt() @Min(0) previousQuota!: number;
  @IsInt() @Min(0) quota!: number;
  @IsString() @IsNotEmpty() reason!: string;
  @IsUUID() changedBy!: string;
}

/** The applicant as submitted; no secrets (NIK and KK travel only as their region-free hash). */
export class ApplicantSnapshot {
  @IsUUID() applicantId!: string;
  @IsString() @IsNotEmpty() fullName!: string;
  @IsString() @IsNotEmpty() placeOfBirth!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) dateOfBirth!: string;
  @IsIn(['F', 'M']) gender!: string;
  @IsEmail() email!: string;
  @Matches(/^\+62\d{8,13}$/) phone!: string;
  /** HMAC of the KK number, so other services can detect shared families without the number. */
  @IsString() @IsNotEmpty() kkDigest!: string;
}

export class EducationSnapshot {
  @IsIn(EDUCATION_LEVELS) level!: string;
  @IsString() @IsNotEmpty() institution!: string;
  @IsString() @IsNotEmpty() major!: string;
  @IsString() @IsNotEmpty() accreditation!: string;
  @IsNumber() @Min(0) @Max(4) gpa!: number;
  @Matches(/^\d{4}-\d{2}-\d{2}$/) graduationDate!: string;
}

export class DocumentReference {
  @IsString() @IsNotEmpty() type!: string;
  @IsUUID() documentId!: string;
  @IsString() @IsNotEmpty() mediaType!: string;
  @IsInt() @Min(0) sizeBytes!: number;
  @Matches(/^[0-9a-f]{64}$/) sha256!: string;
}

export class NikWarning {
  @IsString() @IsNotEmpty() code!: string;
  @IsString() @IsNotEmpty() message!: string;
}

export class ApplicationSubmitted extends ApplicationScoped {
  @IsString() @IsNotEmpty() registrationNumber!: string;
  @IsISO8601() submittedAt!: string;
  @Matches(/^[0-9a-f]{64}$/) submissionHash!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ApplicantSnapshot) applicant!: ApplicantSnapshot;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => EducationSnapshot) education!: EducationSnapshot;
  @IsArray() @ValidateNested({ each: true }) @Type(() => DocumentReference) documents!: DocumentReference[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => NikWarning) nikWarnings!: NikWarning[];
  @IsDefined() @IsObject() @ValidateNested() @Type(() => FormationRequirements) requirements!: FormationRequirements;
  @IsBoolean() declarationsAccepted!: boolean;
  @IsOptional() @IsString() formationType?: string;
}
