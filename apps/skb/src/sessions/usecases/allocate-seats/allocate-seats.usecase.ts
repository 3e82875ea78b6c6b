import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { HandoversService } from '../../../handovers/handovers.service';
import { PeriodsService } from '../../../periods/periods.service';
import { allocateSeats, InsufficientCapacity } from '../../allocation.rules';
import { AllocationResponse } from '../../sessions.dto';
import { requireUnpublished } from '../../sessions.service';
import { SessionsRepository } from '../../sessions.repository';

/** (Re)computes the period's seat plan from its participants, rooms and sessions; a draft until published. */
@Injectable()
export class AllocateSeatsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodsService,
    private readonly handovers: HandoversService,
    private readonly sessions: SessionsRepository,
  ) {}

  async execute(command: { periodId: string }): Promise<AllocationResponse> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.require(manager, command.periodId, true);
      requireUnpublished(period);
      await this.handovers.assertComplete(manager, period.periodId);
      const { seatable, unnumbered } = await this.sessions.seatables(manager, period.periodId);
      if (unnumbered > 0) {
        throw new DomainError(
          'FORMATION_UNKNOWN',
          `periodId: ${unnumbered} participant(s) belong to a formation not yet published`,
          HttpStatus.CONFLICT,
          'periodId',
          { unnumbered },
        );
      }
      const blocks = await this.sessions.blocks(manager, period.periodId);
      const capacity = blocks.reduce((s, b) => s + b.capacity, 0);
      let seats;
      try {
        seats = allocateSeats(blocks, seatable, period.rules.disabilityExtraMinutes);
      } catch (error) {
        if (!(error instanceof InsufficientCapacity)) throw error;
        throw new DomainError(
          'INSUFFICIENT_CAPACITY',
          `periodId: ${error.needed} participants but only ${error.available} seats (rooms × sessions); add rooms or sessions`,
          HttpStatus.CONFLICT,
          'periodId',
          { needed: error.needed, available: error.available },
        );
      }
      await this.sessions.replaceSeats(manager, period.periodId, seats);
      const blocksOf = new Map<string, Set<string>>();
      const formationOf = new Map(seatable.map((p) => [p.applicationId, p.formationId]));
      for (const s of seats) {
        const f = formationOf.get(s.applicationId) as string;
        const set = blocksOf.get(f) ?? new Set<string>();
        set.add(`${s.sessionId}/${s.roomId}`);
        blocksOf.set(f, set);
      }
      return { participants: seats.length, capacity, splitFormations: [...blocksOf.values()].filter((b) => b.size > 1).length };
    });
  }
}
