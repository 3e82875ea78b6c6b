import { Injectable } from '@nestjs/common';
import { SkbResultFinalized } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

@Injectable()
export class CandidatesRepository {
  async add(manager: EntityManager, r: SkbResultFinalized): Promise<void> {
    await manager.query(
      `INSERT INTO interview.candidates (application_id, period_id, formation_id, participant_number, kk_digest, skb_total, skb_rank, rule_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (application_id) DO NOTHING`,
      [r.applicationId, r.periodId, r.formationId, r.participantNumber, r.kkDigest, r.total, r.rank, r.ruleVersion],
    );
  }
}
