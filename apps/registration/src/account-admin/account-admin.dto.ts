import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const NOT_BLANK = /\S/;

export class ReleaseNikDto {
  @ApiProperty({ example: '3273014412980001', description: 'the NIK to free for its proven owner' })
  @Matches(/^\s*\d{16}\s*$/, { message: 'nik must be 16 digits' })
  nik!: string;
  @ApiProperty({ example: 'the owner proved identity at the BKPSDM desk; the account was made by someone else' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(2000)
  reason!: string;
  @ApiProperty({ example: 'BA-2026/117 (KTP and KK checked in person)', description: 'where the proof of identity is kept' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'evidence must not be blank' })
  @MaxLength(500)
  evidence!: string;
}

export class NikReleasedResponse {
  @ApiProperty() accountId!: string;
  @ApiProperty() releasedAt!: string;
  @ApiProperty({ description: 'whether the closed account had confirmed its e-mail' }) emailConfirmed!: boolean;
  @ApiProperty({ description: 'applications it had submitted; they are not withdrawn by this' }) submittedApplications!: number;
}

export class CorrectIdentityDto {
  @ApiProperty({ example: 'typo in the name at sign-up; KTP checked' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(2000)
  reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(NOT_BLANK, { message: 'fullName must not be blank' }) @MaxLength(120) fullName?: string;
  @ApiPropertyOptional({ example: '1998-12-04' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'birthDate must be a date YYYY-MM-DD' })
  birthDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(NOT_BLANK, { message: 'birthPlace must not be blank' }) @MaxLength(80) birthPlace?: string;
  @ApiPropertyOptional({ enum: ['F', 'M'] }) @IsOptional() @IsIn(['F', 'M']) gender?: 'F' | 'M';
}

export class AuditQueryDto {
  @ApiPropertyOptional({ description: "only this account's entries" }) @IsOptional() @IsUUID() accountId?: string;
}

export class AccountAuditEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'the admin who acted' }) actorId!: string;
  @ApiProperty({ enum: ['account.nik-released', 'account.identity-corrected'] }) action!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional() evidence?: string;
  @ApiPropertyOptional({ description: 'identity corrections: each changed field with its value before and after', type: 'object', additionalProperties: true })
  changes?: Record<string, { from: string | null; to: string }>;
}
