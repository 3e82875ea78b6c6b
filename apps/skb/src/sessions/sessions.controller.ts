import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { PeriodParams } from '../scores/scores.dto';
import { ExamCardService } from './exam-card.service';
import {
  AllocationResponse,
  CreateSessionDto,
  ExamCardResponse,
  CreateVenueDto,
  PublishResponse,
  SeatPlanQuery,
  SeatResponse,
  SessionResponse,
  VenueResponse,
} from './sessions.dto';
import { SessionsService } from './sessions.service';
import { AllocateSeatsUseCase } from './usecases/allocate-seats/allocate-seats.usecase';
import { PublishAllocationUseCase } from './usecases/publish-allocation/publish-allocation.usecase';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly allocate: AllocateSeatsUseCase,
    private readonly publish: PublishAllocationUseCase,
    private readonly cards: ExamCardService,
  ) {}

  @Post('periods/:periodId/venues')
  @Roles('skb-officer', 'admin')
  @ApiCreatedResponse({ type: VenueResponse })
  addVenue(@Param() params: PeriodParams, @Body() dto: CreateVenueDto): Promise<VenueResponse> {
    return this.sessions.addVenue(params.periodId, dto);
  }

  @Get('periods/:periodId/venues')
  @Roles('skb-officer', 'admin')
  @ApiOkResponse({ type: [VenueResponse] })
  @ApiNotFoundResponse({ description: 'PERIOD_NOT_FOUND' })
  venues(@Param() params: PeriodParams): Promise<VenueResponse[]> {
    return this.sessions.venues(params.periodId);
  }

  @Get('periods/:periodId/sessions')
  @Roles('skb-officer', 'admin')
  @ApiOkResponse({ type: [SessionResponse] })
  @ApiNotFoundResponse({ description: 'PERIOD_NOT_FOUND' })
  sessionsOf(@Param() params: PeriodParams): Promise<SessionResponse[]> {
    return this.sessions.sessionsOf(params.periodId);
  }

  @Post('periods/:periodId/sessions')
  @Roles('skb-officer', 'admin')
  @ApiCreatedResponse({ type: SessionResponse })
  addSession(@Param() params: PeriodParams, @Body() dto: CreateSessionDto): Promise<SessionResponse> {
    return this.sessions.addSession(params.periodId, dto);
  }

  @Post('periods/:periodId/allocation')
  @HttpCode(200)
  @Roles('skb-officer', 'admin')
  @ApiOkResponse({ type: AllocationResponse })
  @ApiConflictResponse({ description: 'INSUFFICIENT_CAPACITY, ALLOCATION_PUBLISHED, FORMATION_UNKNOWN' })
  allocateSeats(@Param() params: PeriodParams): Promise<AllocationResponse> {
    return this.allocate.execute({ periodId: params.periodId });
  }

  @Get('periods/:periodId/allocation')
  @Roles('skb-officer', 'admin')
  @ApiOkResponse({ type: [SeatResponse] })
  seatPlan(@Param() params: PeriodParams, @Query() query: SeatPlanQuery, @CurrentPrincipal() principal: Principal): Promise<SeatResponse[]> {
    return this.sessions.seatPlan(principal.id, params.periodId, query.limit, query.offset);
  }

  @Post('periods/:periodId/allocation/publish')
  @HttpCode(200)
  @Roles('skb-officer', 'admin')
  @ApiOkResponse({ type: PublishResponse })
  @ApiConflictResponse({ description: 'ALLOCATION_PUBLISHED, ALLOCATION_INCOMPLETE, NOTHING_TO_PUBLISH' })
  publishAllocation(@Param() params: PeriodParams): Promise<PublishResponse> {
    return this.publish.execute({ periodId: params.periodId });
  }

  @Get('me/periods/:periodId/exam-card/details')
  @Roles('applicant')
  @ApiOkResponse({ type: ExamCardResponse, description: "the exam card's contents, times in the agency's zone on the portal's page" })
  @ApiNotFoundResponse({ description: 'CARD_NOT_AVAILABLE: not published yet, or not yours' })
  examCardDetails(@Param() params: PeriodParams, @CurrentPrincipal() principal: Principal): Promise<ExamCardResponse> {
    return this.cards.cardDataOf(principal.id, params.periodId);
  }

  @Get('me/periods/:periodId/exam-card')
  @Roles('applicant')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'the exam card PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: 'CARD_NOT_AVAILABLE: not published yet, or not yours' })
  async examCard(@Param() params: PeriodParams, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return new StreamableFile(await this.cards.cardOf(principal.id, params.periodId), {
      type: 'application/pdf',
      disposition: 'attachment; filename="kartu-peserta-skb.pdf"',
    });
  }
}
