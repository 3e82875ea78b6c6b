import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsUUID, ValidateNested } from 'class-validator';
import { RequiredText } from '@seleksi/messaging';
import { formatLocalTime } from '@seleksi/time';
import { SlotRow } from './scheduling.repository';

export class SlotInput {
  @ApiProperty({ example: '2026-12-01T02:00:00.000Z', description: 'An instant (with offset); shown back in the agency zone.' })
  @IsISO8601({ strict: true })
  startsAt!: string;
  @ApiProperty({ example: '2026-12-01T02:30:00.000Z' }) @IsISO8601({ strict: true }) endsAt!: string;
  @ApiProperty({ example: 'Command Center, Lt. 2, Ruang Rapat 1' }) @RequiredText(300) place!: string;
}

export class CreateSlotsDto {
  @ApiProperty({ type: SlotInput, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => SlotInput)
  slots!: SlotInput[];
}

export class BookSlotDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() applicationId!: string;
}

export class SlotDto {
  @ApiProperty({ format: 'uuid' }) slotId!: string;
  @ApiProperty({ format: 'uuid' }) panelId!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ example: '1 December 2026, 09:00 WIB' }) localStartsAt!: string;
  @ApiProperty({ example: '1 December 2026, 09:30 WIB' }) localEndsAt!: string;
  @ApiProperty() place!: string;
  @ApiProperty({ nullable: true, type: String }) participantNumber!: string | null;
}

export const mapSlot = (s: SlotRow): SlotDto => ({
  slotId: s.slotId,
  panelId: s.panelId,
  startsAt: new Date(s.startsAt).toISOString(),
  endsAt: new Date(s.endsAt).toISOString(),
  localStartsAt: formatLocalTime(new Date(s.startsAt), s.timeZone, 'en'),
  localEndsAt: formatLocalTime(new Date(s.endsAt), s.timeZone, 'en'),
  place: s.place,
  participantNumber: s.participantNumber,
});
