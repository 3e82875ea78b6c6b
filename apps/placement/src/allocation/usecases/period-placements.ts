import { HttpStatus } from '@nestjs/common';
import { DomainError, Outbox } from '@seleksi/messaging';
import { EntityManager } from 'typeorm';
import { PeriodRules } from '../../periods/period.repository';
import { FormationRow } from '../../ranking/ranking.repository';
import { PlacementRow } from '../allocation.repository';

/** Refuses changes to the proposal once the officer has confirmed it. */
export function assertNotConfirmed(period: PeriodRules): void {
  if (period.confirmedAt) {
    throw new DomainError('PLACEMENTS_CONFIRMED', `placements of period ${period.periodId} are already confirmed`, HttpStatus.CONFLICT, 'periodId');
  }
}

/** CandidatePlaced for each placement, with the seat's position and unit and the period's reporting date. */
export async function announcePlaced(
  manager: EntityManager,
  outbox: Outbox,
  period: PeriodRules,
  formations: FormationRow[],
  placed: PlacementRow[],
): Promise<void> {
  const byId = new Map(formations.map((f) => [f.formationId, f]));
  await outbox.enqueueMany(
    manager,
    'CandidatePlaced',
    placed.map((p) => {
      const seat = byId.get(p.formationId);
      if (!seat) throw new Error(`placement ${p.placementId} is in unknown formation ${p.formationId}`);
      return {
        periodId: period.periodId,
        ruleVersion: period.ruleVersion,
        applicationId: p.applicationId,
        formationId: p.formationId,
        position: seat.position,
        unit: seat.unit,
        reportingDate: period.reportingDate,
        kind: p.kind,
        finalScore: p.finalScore,
      };
    }),
  );
}
