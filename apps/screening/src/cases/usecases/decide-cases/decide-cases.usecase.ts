import { HttpStatus, Injectable } from '@nestjs/common';
import { ScreeningDecided, ScreeningReason } from '@seleksi/contracts';
import { DomainError, Outbox } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../../../audit/audit.repository';
import { Clock } from '../../../common/clock';
import { PeriodsRepository } from '../../../periods/periods.repository';
import { reasonLabel } from '../../../reasons/reason-catalogue';
import { VerifiersRepository } from '../../../verifiers/verifiers.repository';
import { DecisionResultDto } from '../../cases.dto';
import { CasesRepository } from '../../cases.repository';

export interface DecideCasesCommand {
  verifierId: string;
  applicationIds: string[];
  result: 'MS' | 'TMS';
  reasonCodes?: string[];
  note?: string;
}

/** The reasons a decision carries, or the 422 that explains what is wrong with them. */
export function decisionReasons(result: 'MS' | 'TMS', codes: string[] = [], note?: string): ScreeningReason[] {
  if (result === 'MS') {
    if (codes.length > 0) throw new DomainError('MS_TAKES_NO_REASONS', 'an MS decision carries no TMS reasons', HttpStatus.UNPROCESSABLE_ENTITY, 'reasonCodes');
    return [];
  }
  if (codes.length === 0) {
    throw new DomainError(
      'TMS_REASON_REQUIRED',
      'a TMS decision needs at least one reason code from GET /reasons',
      HttpStatus.UNPROCESSABLE_ENTITY,
      'reasonCodes',
    );
  }
  const unknown = codes.filter((c) => reasonLabel(c) === undefined);
  if (unknown.length > 0) {
    throw new DomainError('UNKNOWN_REASON_CODE', `not in the reason catalogue: ${unknown.join(', ')}`, HttpStatus.UNPROCESSABLE_ENTITY, 'reasonCodes');
  }
  if (codes.includes('OTHER') && !note?.trim()) {
    throw new DomainError('NOTE_REQUIRED', 'reason OTHER needs a note saying what the reason is', HttpStatus.UNPROCESSABLE_ENTITY, 'note');
  }
  const trimmed = note?.trim();
  return codes.map((code) => ({ code, label: reasonLabel(code)!, ...(trimmed ? { note: trimmed } : {}) }));
}

/**
 * A verifier's MS/TMS decision on one or many cases assigned to them: all or nothing, a fixed number
 * of statements however many cases (lock, update, verifier counters, outbox, audit).
 */
@Injectable()
export class DecideCases {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly cases: CasesRepository,
    private readonly periods: PeriodsRepository,
    private readonly verifiers: VerifiersRepository,
    private readonly audit: AuditRepository,
  ) {}

  execute(command: DecideCasesCommand): Promise<DecisionResultDto> {
    const reasons = decisionReasons(command.result, command.reasonCodes, command.note);
    const ids = [...new Set(command.applicationIds)];
    return this.db.transaction(async (m) => {
      // Lock order everywhere: period, then cases. FOR SHARE lets decisions run side by side while an
      // announcement or finalization (FOR UPDATE) waits for them and keeps new ones out.
      let announced = false;
      for (const periodId of await this.cases.periodsOf(m, ids)) {
        await this.periods.rules(m, periodId, 'share');
        announced ||= (await this.periods.announcement(m, periodId)) !== undefined;
      }
      const rows = await this.cases.lockMany(m, ids);
      if (rows.length !== ids.length) {
        const found = new Set(rows.map((r) => r.application_id));
        const missing = ids.filter((id) => !found.has(id));
        throw new DomainError('CASE_NOT_FOUND', `no screening case for application ${missing.slice(0, 10).join(', ')}`, HttpStatus.NOT_FOUND, 'applicationId', {
          missing,
        });
      }
      const foreign = rows.filter((r) => r.assigned_to !== command.verifierId);
      if (foreign.length > 0) {
        throw new DomainError('CASE_NOT_ASSIGNED_TO_YOU', 'these cases are assigned to another verifier', HttpStatus.FORBIDDEN, 'applicationId', {
          applicationIds: foreign.map((r) => r.application_id),
        });
      }
      const finalized = rows.filter((r) => r.status === 'FINALIZED');
      if (finalized.length > 0) {
        throw new DomainError('CASE_FINALIZED', 'a finalized case cannot be decided again', HttpStatus.CONFLICT, 'applicationId', {
          applicationIds: finalized.map((r) => r.application_id),
        });
      }
      if (announced) {
        throw new DomainError('RESULTS_ANNOUNCED', 'results of this period are announced; changes go through an appeal', HttpStatus.CONFLICT, 'applicationId');
      }
      const periodIds = [...new Set(rows.map((r) => r.period_id))].sort();
      const decidedAt = this.clock.now();
      await this.cases.decideMany(m, ids, { result: command.result, reasons, decidedBy: command.verifierId, decidedAt });
      for (const periodId of periodIds) {
        const newlyDecided = rows.filter((r) => r.period_id === periodId && r.status === 'PENDING').length;
        await this.verifiers.addOpenCases(m, periodId, new Map([[command.verifierId, -newlyDecided]]));
      }
      const events: ScreeningDecided[] = rows.map((r) => ({
        periodId: r.period_id,
        ruleVersion: r.rule_version,
        applicationId: r.application_id,
        formationId: r.formation_id,
        result: command.result,
        reasons,
        decidedBy: command.verifierId,
        decidedAt: decidedAt.toISOString(),
      }));
      await this.outbox.enqueueMany(m, 'ScreeningDecided', events);
      await this.audit.record(
        m,
        decidedAt,
        rows.map((r) => ({
          actorId: command.verifierId,
          action: 'CASE_DECIDED' as const,
          applicationId: r.application_id,
          periodId: r.period_id,
          details: { result: command.result, reasonCodes: reasons.map((x) => x.code), previousResult: r.result, bulk: ids.length > 1 },
        })),
      );
      return { applicationIds: ids, result: command.result, reasons, decidedAt: decidedAt.toISOString() };
    });
  }
}
