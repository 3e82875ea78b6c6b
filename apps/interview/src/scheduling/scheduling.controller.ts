import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@seleksi/auth';
import { UuidParam } from '../shared/uuid-param';
import { BookSlotDto, CreateSlotsDto, SlotDto } from './scheduling.dto';
import { SchedulingService } from './scheduling.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@Roles('admin')
@Controller()
export class SchedulingController {
  constructor(private readonly scheduling: SchedulingService) {}

  @Post('panels/:panelId/slots')
  @ApiCreatedResponse({ type: SlotDto, isArray: true })
  addSlots(@UuidParam('panelId') panelId: string, @Body() dto: CreateSlotsDto): Promise<SlotDto[]> {
    return this.scheduling.addSlots(panelId, dto);
  }

  @Get('panels/:panelId/slots')
  @ApiOkResponse({ type: SlotDto, isArray: true })
  slots(@UuidParam('panelId') panelId: string): Promise<SlotDto[]> {
    return this.scheduling.slots(panelId);
  }

  /** Books the candidate and publishes InterviewScheduled (date, time and place for their timeline). */
  @Put('slots/:slotId/candidate')
  @ApiOkResponse({ type: SlotDto })
  book(@UuidParam('slotId') slotId: string, @Body() dto: BookSlotDto): Promise<SlotDto> {
    return this.scheduling.book(slotId, dto.applicationId);
  }
}
