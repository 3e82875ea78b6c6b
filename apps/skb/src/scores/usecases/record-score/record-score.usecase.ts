import { HttpStatus, Injectable } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock';
import { PeriodsService } from '../../../periods/periods.service';
import { ScoresEvents } from '../../scores-events';
import { ParticipantRef, ScoresRepository } from '../../scores.repository';

export interface RecordScoreCommand {
  periodId: string;
  participantNumber: string;
  component: string;
  score: number;
}

export interface RecordAttendanceCommand {
  periodId: string;
  participantNumber: string;
  attendance: 'PRESENT' | 'TH' | 'DIS';
}

/** An officer's entry for one participant: a practical (MANUAL) component score, or absence / disqualification. */
@Injectable()
export class RecordScoreUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: PeriodsService,
    private readonly scores: ScoresRepository,
    private readonly events: ScoresEvents,
    private readonly clock: Clock,
  ) {}

  async score(command: RecordScoreCommand): Promise<{ changed: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.require(manager, command.periodId, true);
      this.periods.requireNotFinalized(period);
      const rule = period.rules.components.find((c) => c.component === command.component);
      if (!rule) {
        throw new DomainError(
          'UNKNOWN_COMPONENT',
          `component: "${command.component}" is not an SKB component of this period`,
          HttpStatus.NOT_FOUND,
          'component',
        );
      }
      if (rule.source !== 'MANUAL') {
        throw new DomainError(
          'COMPONENT_NOT_MANUAL',
          `component: ${rule.component} comes from the score import, not from officers`,
          HttpStatus.UNPROCESSABLE_ENTITY,
          'component',
        );
      }
      if (command.score < 0 || command.score > rule.maxScore) {
        throw new DomainError(
          'SCORE_OUT_OF_RANGE',
          `score: must be between 0 and ${rule.maxScore} for ${rule.component}`,
          HttpStatus.UNPROCESSABLE_ENTITY,
          'score',
        );
      }
      const participant = await this.requireParticipant(manager, command.periodId, command.participantNumber);
      const changed = await this.scores.upsertScores(
        manager,
        period.periodId,
        [participant.participantNumber],
        [rule.component],
        [command.score],
        this.clock.now(),
      );
      await this.events.recorded(manager, period, changed);
      return { changed: changed.length > 0 };
    });
  }

  async attendance(command: RecordAttendanceCommand): Promise<{ changed: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      const period = await this.periods.require(manager, command.periodId, true);
      this.periods.requireNotFinalized(period);
      const participant = await this.requireParticipant(manager, command.periodId, command.participantNumber);
      const value = command.attendance === 'PRESENT' ? null : command.attendance;
      const changed = await this.scores.setAttendance(manager, period.periodId, [participant.participantNumber], [value]);
      await this.events.recorded(manager, period, changed);
      return { changed: changed.length > 0 };
    });
  }

  private async requireParticipant(manager: Parameters<ScoresRepository['findParticipant']>[0], periodId: string, number: string): Promise<ParticipantRef> {
    const participant = await this.scores.findParticipant(manager, periodId, number);
    if (!participant) {
      throw new DomainError('PARTICIPANT_NOT_FOUND', `participantNumber: no participant ${number} in this period`, HttpStatus.NOT_FOUND, 'participantNumber');
    }
    return participant;
  }
}
