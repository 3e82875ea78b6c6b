import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, IsUUID, Matches, ValidateNested } from 'class-validator';
import { RequiredText } from '@seleksi/messaging';
import { PanelRow } from './panels.repository';

export class PanelMemberInput {
  @ApiProperty({ format: 'uuid', description: "The panelist's account id (the `sub` of their token)." }) @IsUUID() panelistId!: string;
  @ApiProperty({ example: 'Dr. Rina Hartono' }) @RequiredText(200) displayName!: string;
  @ApiProperty({ description: 'KK number, 16 digits; only its keyed digest is kept, to detect shared families.', example: '3273010101010001' })
  @Matches(/^\d{16}$/, { message: 'kkNumber must be 16 digits' })
  kkNumber!: string;
  @ApiProperty({ description: 'Exactly one member of a panel is its chair.' }) @IsBoolean() chair!: boolean;
}

export class CreatePanelDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() periodId!: string;
  @ApiProperty({ example: 'Panel A' }) @RequiredText(200) name!: string;
  @ApiProperty({ type: PanelMemberInput, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => PanelMemberInput)
  members!: PanelMemberInput[];
}

export class AssignFormationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() formationId!: string;
}

export class PanelMemberDto {
  @ApiProperty({ format: 'uuid' }) panelistId!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() chair!: boolean;
}

export class PanelDto {
  @ApiProperty({ format: 'uuid' }) panelId!: string;
  @ApiProperty({ format: 'uuid' }) periodId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: PanelMemberDto, isArray: true }) members!: PanelMemberDto[];
  @ApiProperty({ type: String, isArray: true, format: 'uuid' }) formationIds!: string[];
}

export class FormationAssignedDto {
  @ApiProperty({ format: 'uuid' }) panelId!: string;
  @ApiProperty({ format: 'uuid' }) formationId!: string;
  @ApiProperty({ description: 'Candidates of the period moved to another panel because of conflicts.' }) moved!: number;
  @ApiProperty({ description: 'Candidates no panel can score (see GET /admin/candidates?status=UNPLACED).' }) unplaced!: number;
}

export const mapPanel = (p: PanelRow): PanelDto => ({
  panelId: p.panelId,
  periodId: p.periodId,
  name: p.name,
  members: p.members.map((m) => ({ panelistId: m.panelistId, displayName: m.displayName, chair: m.chair })),
  formationIds: p.formationIds,
});
