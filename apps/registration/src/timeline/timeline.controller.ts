import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { MESSAGE_PARAMS_SCHEMA, MessageParams } from '@seleksi/messaging';
import { UuidParam } from '../common/uuid-param';
import { Timeline } from './timeline';
import { TimelineService } from './timeline.service';

class TimelineEntryDto {
  @ApiProperty({ description: 'What happened, as a code (registration README, "Timeline codes")', example: 'ADMINISTRATIVE_RESULTS_ANNOUNCED' }) code!: string;
  @ApiProperty(MESSAGE_PARAMS_SCHEMA) params!: MessageParams;
  @ApiProperty({ description: 'The same in English, for API clients' }) what!: string;
  @ApiProperty({ description: 'ISO 8601 instant' }) at!: string;
  @ApiProperty({ example: '20 January 2027, 09:00 WIB' }) atLocal!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}

class ReasonDto {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ required: false }) note?: string;
}

class StageDto {
  @ApiProperty({ enum: ['registration', 'administrative', 'skb', 'interview', 'placement'] }) stage!: string;
  @ApiProperty({ enum: ['done', 'in-progress', 'waiting', 'stopped'] }) status!: string;
  @ApiProperty({ nullable: true, example: 'MS' }) outcome!: string | null;
  @ApiProperty({ type: [ReasonDto] }) reasons!: ReasonDto[];
  @ApiProperty({ type: [TimelineEntryDto] }) entries!: TimelineEntryDto[];
}

class NextStepDto {
  @ApiProperty({ description: 'The next step, as a code (registration README, "Timeline codes")', example: 'APPEAL_OPEN' }) code!: string;
  @ApiProperty(MESSAGE_PARAMS_SCHEMA) params!: MessageParams;
  @ApiProperty({ description: 'The same in English, for API clients' }) what!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '10 January 2027, 23:59 WIB',
    description: "when, in the agency's local time (a date alone for the reporting date)",
  })
  when!: string | null;
}

export class TimelineResponse {
  @ApiProperty({ type: [StageDto] }) stages!: StageDto[];
  @ApiProperty({ type: NextStepDto }) next!: NextStepDto;
}

@ApiTags('applications')
@ApiBearerAuth()
@Roles('applicant')
@Controller('applications')
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get(':applicationId/timeline')
  @ApiOperation({ summary: 'Where my application stands: each stage, its outcome and reasons, and what comes next and when' })
  @ApiOkResponse({ type: TimelineResponse })
  get(@CurrentPrincipal() me: Principal, @Param('applicationId', UuidParam('applicationId')) id: string): Promise<Timeline> {
    return this.timeline.forApplicant(me.id, id);
  }
}
