import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { UuidParam } from '../common/uuid-param';
import { Timeline } from './timeline';
import { TimelineService } from './timeline.service';

class TimelineEntryDto {
  @ApiProperty() what!: string;
  @ApiProperty() at!: string;
  @ApiProperty({ example: '20 January 2027 at 09:00 WIB' }) atLocal!: string;
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
  @ApiProperty() what!: string;
  @ApiProperty({ nullable: true }) when!: string | null;
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
