import { Injectable } from '@nestjs/common';
import { Outbox } from '@seleksi/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { HandoversService } from '../handovers/handovers.service';
import { PanelsRepository } from '../panels/panels.repository';
import { conflict, notFound, unprocessable } from '../shared/errors';
import { CreateSlotsDto, mapSlot, SlotDto } from './scheduling.dto';
import { SchedulingRepository } from './scheduling.repository';

@Injectable()
export class SchedulingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduling: SchedulingRepository,
    private readonly panels: PanelsRepository,
    private readonly handovers: HandoversService,
    private readonly outbox: Outbox,
  ) {}

  /** A panel's slots never overlap, so a panel is never double booked; checked under the panel's row lock. */
  async addSlots(panelId: string, dto: CreateSlotsDto): Promise<SlotDto[]> {
    const slots = dto.slots.map((s) => ({ slotId: randomUUID(), startsAt: s.startsAt, endsAt: s.endsAt, place: s.place }));
    const bad = slots.findIndex((s) => new Date(s.endsAt) <= new Date(s.startsAt));
    if (bad >= 0) throw unprocessable('SLOT_ENDS_BEFORE_START', 'endsAt must be after startsAt', `slots.${bad}.endsAt`);
    return this.dataSource.transaction(async (m) => {
      if (!(await this.panels.find(m, panelId, true))) throw notFound('PANEL_NOT_FOUND', 'no panel with this id', 'panelId');
      const overlap = await this.scheduling.firstOverlap(m, panelId, slots);
      if (overlap !== undefined) throw conflict('SLOT_OVERLAP', "the slot overlaps another of the panel's slots", `slots.${overlap}`);
      await this.scheduling.add(m, panelId, slots);
      const ids = new Set<string>(slots.map((s) => s.slotId));
      return (await this.scheduling.forPanel(m, panelId)).filter((s) => ids.has(s.slotId)).map(mapSlot);
    });
  }

  async slots(panelId: string): Promise<SlotDto[]> {
    return (await this.scheduling.forPanel(this.dataSource.manager, panelId)).map(mapSlot);
  }

  /**
   * Books a candidate of the slot's panel into a free slot; a candidate holds one slot at a time. The
   * schedule is made over the whole list skb handed on: refused (409 HANDOVER_*) until interview holds it.
   */
  async book(slotId: string, applicationId: string): Promise<SlotDto> {
    return this.dataSource.transaction(async (m) => {
      const slot = await this.scheduling.find(m, slotId, true);
      if (!slot) throw notFound('SLOT_NOT_FOUND', 'no slot with this id', 'slotId');
      const candidate = await this.scheduling.candidate(m, applicationId);
      if (!candidate) throw notFound('CANDIDATE_NOT_FOUND', 'no interview candidate with this application id', 'applicationId');
      if (candidate.status !== 'ASSIGNED' || candidate.panelId !== slot.panelId) {
        throw conflict('CANDIDATE_NOT_ON_PANEL', "the candidate is not awaiting an interview with this slot's panel", 'applicationId');
      }
      await this.handovers.assertComplete(m, candidate.periodId);
      if (slot.applicationId) throw conflict('SLOT_TAKEN', 'the slot is already booked', 'slotId');
      if (candidate.slotId) throw conflict('CANDIDATE_ALREADY_SCHEDULED', 'the candidate already has a slot', 'applicationId');
      await this.scheduling.book(m, slotId, applicationId);
      await this.outbox.enqueue(m, 'InterviewScheduled', {
        periodId: candidate.periodId,
        ruleVersion: candidate.ruleVersion,
        applicationId,
        formationId: candidate.formationId,
        participantNumber: candidate.participantNumber,
        panelId: slot.panelId,
        startsAt: new Date(slot.startsAt).toISOString(),
        endsAt: new Date(slot.endsAt).toISOString(),
        place: slot.place,
      });
      return mapSlot({ ...slot, applicationId, participantNumber: candidate.participantNumber });
    });
  }
}
