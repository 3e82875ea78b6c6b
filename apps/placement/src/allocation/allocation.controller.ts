import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@seleksi/auth';
import { PeriodParams } from '../ranking/ranking.dto';
import { AllocationRepository } from './allocation.repository';
import {
  AnnouncementDto,
  mapOverride,
  mapOverrideItem,
  mapPlacement,
  mapPlacementItem,
  OverrideDto,
  OverrideItemDto,
  OverrideParams,
  OverrideQuery,
  OverrideRequestDto,
  PlacementDto,
  PlacementListItemDto,
  PlacementParams,
  ProposalResponseDto,
} from './allocation.dto';
import { AnnouncePeriod } from './usecases/announce-period.usecase';
import { ApproveOverride } from './usecases/approve-override.usecase';
import { ConfirmPlacements } from './usecases/confirm-placements.usecase';
import { OverridePlacement } from './usecases/override-placement.usecase';
import { ProposeAllocation } from './usecases/propose-allocation.usecase';

@ApiTags('allocation')
@ApiBearerAuth()
@Controller('periods/:periodId')
export class AllocationController {
  constructor(
    private readonly propose: ProposeAllocation,
    private readonly override: OverridePlacement,
    private readonly approve: ApproveOverride,
    private readonly confirm: ConfirmPlacements,
    private readonly announce: AnnouncePeriod,
    private readonly placements: AllocationRepository,
  ) {}

  @Post('proposal')
  @HttpCode(HttpStatus.OK)
  @Roles('placement-officer', 'admin')
  @ApiOkResponse({ type: ProposalResponseDto })
  async proposeAllocation(@Param() params: PeriodParams, @CurrentPrincipal() p: Principal): Promise<ProposalResponseDto> {
    const result = await this.propose.execute({ periodId: params.periodId, by: p.id });
    return { proposalId: result.proposalId, placements: result.placements.map(mapPlacement) };
  }

  @Get('placements')
  @Roles('placement-officer', 'admin')
  @ApiOkResponse({ type: [PlacementListItemDto] })
  async list(@Param() params: PeriodParams): Promise<PlacementListItemDto[]> {
    return (await this.placements.read(params.periodId, ['PROPOSED', 'CONFIRMED', 'DECLINED'])).map(mapPlacementItem);
  }

  /** The overrides of the period; `?status=PENDING` is the second officer's approval queue. */
  @Get('overrides')
  @Roles('placement-officer', 'admin')
  @ApiOkResponse({ type: [OverrideItemDto] })
  async overrides(@Param() params: PeriodParams, @Query() query: OverrideQuery, @CurrentPrincipal() p: Principal): Promise<OverrideItemDto[]> {
    return (await this.placements.readOverrides(params.periodId, query.status)).map((o) => mapOverrideItem(o, p.id));
  }

  @Post('placements/:placementId/override')
  @HttpCode(HttpStatus.OK)
  @Roles('placement-officer')
  @ApiOkResponse({ type: OverrideDto })
  async overridePlacement(@Param() params: PlacementParams, @Body() body: OverrideRequestDto, @CurrentPrincipal() p: Principal): Promise<OverrideDto> {
    return mapOverride(await this.override.execute({ ...params, ...body, by: p.id }));
  }

  @Post('overrides/:overrideId/approval')
  @HttpCode(HttpStatus.OK)
  @Roles('placement-officer')
  @ApiOkResponse({ type: OverrideDto })
  async approveOverride(@Param() params: OverrideParams, @CurrentPrincipal() p: Principal): Promise<OverrideDto> {
    return mapOverride(await this.approve.execute({ ...params, by: p.id }));
  }

  @Post('confirmation')
  @HttpCode(HttpStatus.OK)
  @Roles('placement-officer')
  @ApiOkResponse({ type: [PlacementDto] })
  async confirmPlacements(@Param() params: PeriodParams, @CurrentPrincipal() p: Principal): Promise<PlacementDto[]> {
    return (await this.confirm.execute({ periodId: params.periodId, by: p.id })).map(mapPlacement);
  }

  @Post('announcement')
  @HttpCode(HttpStatus.OK)
  @Roles('admin')
  @ApiOkResponse({ type: AnnouncementDto })
  announcePeriod(@Param() params: PeriodParams, @CurrentPrincipal() p: Principal): Promise<AnnouncementDto> {
    return this.announce.execute({ periodId: params.periodId, by: p.id });
  }
}
