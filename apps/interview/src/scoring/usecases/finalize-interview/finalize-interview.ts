import { Injectable } from '@nestjs/common';
import { InterviewCompleted } from '@seleksi/contracts';
import { Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { PeriodsRepository } from '../../../periods/periods.repository';
import { RubricsRepository } from '../../../rubrics/rubrics.repository';
import { Clock } from '../../../shared/clock';
import { conflict, unprocessable } from '../../../shared/errors';
import { aggregate, Sheet } from '../../aggregation';
import { PanelistAccessPolicy } from '../../panelist-access';
import { InterviewResultDto } from '../../scoring.dto';
import { ScoringRepository } from '../../scoring.repository';

export interface FinalizeInterviewCommand {
  chairId: string;
  panelId: string;
  participantNumber: string;
  /** ABSENT records a no-show; SCORED aggregates the submitted sheets. */
  outcome: 'SCORED' | 'ABSENT';
  /** Why a candidate is absent although panelists have submitted sheets; required then. */
  reason?: string;
}

/**
 * The chair closes a candidate's interview: with every non-recused panelist's sheet submitted, the
 * means are weighted into a 0–100 total; disagreement beyond the period threshold needs the chair's
 * calibration note first. The result and InterviewCompleted are written in one transaction.
 */
@Injectable()
export class FinalizeInterview {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scoring: ScoringRepository,
    private readonly rubrics: RubricsRepository,
    private readonly periods: PeriodsRepository,
    private readonly access: PanelistAccessPolicy,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async execute(cmd: FinalizeInterviewCommand): Promise<InterviewResultDto> {
    return this.dataSource.transaction(async (m) => {
      const { candidate } = await this.access.check(m, cmd.chairId, cmd.panelId, cmd.participantNumber, { lock: true, open: true, chair: true });
      const period = (await this.periods.period(m, candidate.periodId))!;
      const rubric = candidate.rubricId ? await this.rubrics.byId(m, candidate.rubricId) : await this.rubrics.effective(m, candidate.formationId);
      const now = this.clock.now();
      let result: InterviewResultDto;
      let counted: string[] = [];
      if (cmd.outcome === 'ABSENT') {
        // Submitted sheets say the interview took place: discarding them for ABSENT must be explained.
        const members = await this.scoring.scoringMembers(m, cmd.panelId, candidate.applicationId);
        const sheets = await this.scoring.sheets(
          m,
          candidate.applicationId,
          members.map((x) => x.panelistId),
        );
        const submitted = sheets.filter((s) => s.status === 'SUBMITTED').length;
        if (submitted > 0 && !cmd.reason) {
          throw unprocessable(
            'ABSENT_REASON_REQUIRED',
            `reason: ${submitted} panelist(s) have submitted sheets; marking the candidate absent needs a reason`,
            'reason',
          );
        }
        result = { participantNumber: candidate.participantNumber, outcome: 'ABSENT', total: null, criteria: [], rubricVersion: rubric?.label ?? 'none' };
      } else {
        if (!rubric) throw conflict('RUBRIC_MISSING', "the candidate's formation has no rubric");
        const members = await this.scoring.scoringMembers(m, cmd.panelId, candidate.applicationId);
        const sheets = await this.scoring.sheets(
          m,
          candidate.applicationId,
          members.map((x) => x.panelistId),
        );
        const submitted = sheets.filter((s) => s.status === 'SUBMITTED' && s.rubricId === rubric.rubricId);
        const missing = members.filter((x) => !submitted.some((s) => s.panelistId === x.panelistId));
        if (missing.length > 0) {
          throw conflict('SCORES_MISSING', `${missing.length} panelist(s) have not submitted: ${missing.map((x) => x.displayName).join(', ')}`, undefined, {
            missingPanelistIds: missing.map((x) => x.panelistId),
          });
        }
        const agg = aggregate(
          rubric.criteria.map((c) => ({ key: c.key, weight: c.weight })),
          submitted.map((s) => Object.fromEntries(s.scores.map((x) => [x.criterion, x.value])) as Sheet),
          period,
        );
        if (agg.needsCalibration && !candidate.calibrationNote) {
          const wide = agg.criteria.filter((c) => c.spread > period.calibrationThreshold).map((c) => c.criterion);
          throw conflict(
            'CALIBRATION_REQUIRED',
            `panelists differ by more than ${period.calibrationThreshold} on ${wide.join(', ')}: the chair must record a calibration note`,
          );
        }
        counted = submitted.map((s) => s.panelistId);
        result = {
          participantNumber: candidate.participantNumber,
          outcome: 'SCORED',
          total: agg.total,
          criteria: agg.criteria.map((c) => ({ criterion: c.criterion, weight: c.weight, mean: c.mean })),
          rubricVersion: rubric.label,
        };
      }
      await this.scoring.complete(m, {
        applicationId: candidate.applicationId,
        status: result.outcome === 'ABSENT' ? 'ABSENT' : 'COMPLETED',
        total: result.total,
        at: now,
        countedPanelists: counted,
        by: cmd.chairId,
        absentReason: cmd.outcome === 'ABSENT' ? (cmd.reason ?? null) : null,
      });
      const event: InterviewCompleted = {
        periodId: candidate.periodId,
        ruleVersion: candidate.ruleVersion,
        applicationId: candidate.applicationId,
        formationId: candidate.formationId,
        participantNumber: candidate.participantNumber,
        outcome: result.outcome,
        total: result.total,
        criteria: result.criteria,
        rubricVersion: result.rubricVersion,
        completedAt: now.toISOString(),
      };
      await this.outbox.enqueue(m, 'InterviewCompleted', event);
      return result;
    });
  }
}
