import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsInt, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { RequiredText } from '@seleksi/messaging';

export class RoomDto {
  @ApiProperty({ example: 'Ruang 2' }) @RequiredText(100) name!: string;
  @ApiProperty({ example: 40 }) @IsInt() @Min(1) @Max(10_000) capacity!: number;
}

export class CreateVenueDto {
  @ApiProperty({ example: 'UPT CAT BKN Bandung' }) @RequiredText(200) name!: string;
  @ApiProperty({ example: 'Jl. Surapati No. 1' }) @RequiredText(300) address!: string;
  @ApiProperty({ type: [RoomDto] }) @IsArray() @ArrayNotEmpty() @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => RoomDto) rooms!: RoomDto[];
}

export class VenueResponse {
  @ApiProperty({ format: 'uuid' }) venueId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ type: [RoomDto] }) rooms!: RoomDto[];
}

export class CreateSessionDto {
  @ApiProperty({ example: 'Sesi 1' }) @RequiredText(100) name!: string;
  @ApiProperty({ example: '2026-12-08', description: "the day, in the agency's time zone" })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)
  date!: string;
  @ApiProperty({ example: '08:00', description: "start, in the agency's time zone" }) @Matches(/^([01]\d|2[0-3]):[0-5]\d$/) startTime!: string;
  @ApiProperty({ example: 90 }) @IsInt() @Min(1) @Max(24 * 60) durationMinutes!: number;
}

export class SessionResponse {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date-time', description: 'the instant' }) startsAt!: string;
  @ApiProperty({ example: '8 December 2026, 08:00 WIB', description: "in the agency's time zone" }) startsAtLocal!: string;
  @ApiProperty() durationMinutes!: number;
}

/** The applicant's own published seat, for the portal's exam card page (the PDF holds the same). */
export class ExamCardResponse {
  @ApiProperty() participantNumber!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() formationCode!: string;
  @ApiProperty() position!: string;
  @ApiProperty() session!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: "the end of the participant's time, extra minutes included" }) endsAt!: string;
  @ApiProperty() extraMinutes!: number;
  @ApiProperty() venue!: string;
  @ApiProperty() address!: string;
  @ApiProperty() room!: string;
  @ApiProperty() seatNumber!: number;
  @ApiProperty({ enum: ['WIB', 'WITA', 'WIT'], description: "the agency's zone, in which the times are shown" }) timeZone!: string;
}

export class AllocationResponse {
  @ApiProperty() participants!: number;
  @ApiProperty() capacity!: number;
  @ApiProperty({ description: 'formations whose participants had to be split across rooms or sessions' }) splitFormations!: number;
}

export class PublishResponse {
  @ApiProperty() scheduled!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
}

export class SeatPlanQuery {
  @ApiProperty({ required: false, default: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_000) limit?: number;
  @ApiProperty({ required: false, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) offset?: number;
}

export class SeatResponse {
  @ApiProperty() participantNumber!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty() formationCode!: string;
  @ApiProperty() session!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty() startsAtLocal!: string;
  @ApiProperty() venue!: string;
  @ApiProperty() room!: string;
  @ApiProperty() seatNumber!: number;
  @ApiProperty() extraMinutes!: number;
}
