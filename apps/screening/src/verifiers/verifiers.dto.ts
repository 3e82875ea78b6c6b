import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';
import { OptionalText, RequiredText } from '@seleksi/messaging';
import { VerifierRow } from './verifiers.repository';

export class RegisterVerifierDto {
  @ApiProperty({ description: "The verifier's account id (JWT sub)" }) @IsUUID() accountId!: string;
  @ApiProperty({ example: 'Budi Santoso' }) @RequiredText(200) name!: string;
  @ApiProperty({ description: 'KK number (16 digits); only its HMAC digest is stored', example: '3273012345678901' })
  @Matches(/^\d{16}$/, { message: 'kkNumber must be 16 digits' })
  kkNumber!: string;
}

export class VerifierDto {
  @ApiProperty() accountId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Assigned cases not decided yet' }) openCases!: number;
  @ApiProperty() registeredAt!: string;
}

export class DistributionDto {
  @ApiProperty() assigned!: number;
  @ApiProperty({ description: 'Cases whose applicant shares a KK with every verifier', type: [String] }) unassignable!: string[];
}

export class ReassignCaseDto {
  @ApiProperty() @IsUUID() verifierId!: string;
  @ApiPropertyOptional({ maxLength: 1000 }) @OptionalText(1000) reason?: string;
}

export class AssignmentDto {
  @ApiProperty() applicationId!: string;
  @ApiProperty({ nullable: true, type: String }) previousVerifierId!: string | null;
  @ApiProperty() verifierId!: string;
}

export function mapVerifier(row: VerifierRow): VerifierDto {
  return { accountId: row.account_id, name: row.name, openCases: row.open_cases, registeredAt: new Date(row.registered_at).toISOString() };
}
