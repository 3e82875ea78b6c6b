import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import { PeriodsRepository } from '../../../periods/periods.repository';
import { PeriodsService } from '../../../periods/periods.service';
import { PublishResponse } from '../../sessions.dto';
import { requireUnpublished } from '../../sessions.service';
import { SessionsRepository } from '../../sessions.repository';

const PAGE = 10_000;

/**
 * Publishes the seat plan: from now on each participant has an exam card, and each gets a
 * ParticipantScheduled, in the same transaction. Refused while anyone lacks a seat, and a second time.
 */
@Injectable()
export class PublishAllocationUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodsService,
    private readonly periodsRepository: PeriodsRepository,
    private readonly sessions: SessionsRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(command: { periodId: string }): Promise<PublishResponse> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.require(manager, command.periodId, true);
      requireUnpublished(period);
      const unseated = await this.sessions.unseated(manager, period.periodId);
      if (unseated > 0) {
        throw new DomainError(
          'ALLOCATION_INCOMPLETE',
          `periodId: ${unseated} participant(s) have no seat; run the allocation again`,
          HttpStatus.CONFLICT,
          'periodId',
          { unseated },
        );
      }
      let scheduled = 0;
      for (let offset = 0; ; offset += PAGE) {
        const seats = await this.sessions.seatPlan(manager, period.periodId, PAGE, offset);
        if (seats.length === 0) break;
        await this.outbox.enqueueAll(
          manager,
          'ParticipantScheduled',
          seats.map((s) => ({
            periodId: period.periodId,
            ruleVersion: period.ruleVersion,
            applicationId: s.applicationId,
            formationId: s.formationId,
            participantNumber: s.participantNumber,
            startsAt: s.startsAt.toISOString(),
            session: s.session,
            venue: s.venue,
            room: s.room,
            extraMinutes: s.extraMinutes,
          })),
        );
        scheduled += seats.length;
      }
      if (scheduled === 0) throw new DomainError('NOTHING_TO_PUBLISH', 'periodId: no participants have seats yet', HttpStatus.CONFLICT, 'periodId');
      const at = this.clock.now();
      await this.periodsRepository.markAllocationPublished(manager, period.periodId, at);
      return { scheduled, publishedAt: at.toISOString() };
    });
  }
}
