import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComputedResult, ParticipantScores } from './results.rules';

export interface FormationQuota {
  formationId: string;
  quota: number;
  participants: number;
}

export interface ParticipantFacts extends ParticipantScores {
  participantNumber: string;
  applicantId: string;
  gpa: number;
  dateOfBirth: string;
  kkDigest: string;
}

export interface StoredResult {
  participantNumber: string;
  fullName: string;
  formationCode: string;
  components: { component: string; value: number }[];
  total: number | null;
  outcome: string;
  rank: number | null;
  proceeds: boolean;
  ruleVersion: string;
  finalizedAt: Date;
}

@Injectable()
export class ResultsRepository {
  /** Present participants lacking a score for some component, and participants whose formation is unknown. */
  async blockers(manager: EntityManager, periodId: string, components: string[]): Promise<{ unscored: number; unnumbered: number }> {
    const [r]: { unscored: number; unnumbered: number }[] = await manager.query(
      `SELECT count(*) FILTER (WHERE p.attendance IS NULL AND coalesce(s.n, 0) < $3)::int AS unscored,
              count(*) FILTER (WHERE p.participant_number IS NULL)::int AS unnumbered
         FROM skb.participants p
         LEFT JOIN (SELECT application_id, count(*) AS n FROM skb.scores WHERE component = ANY($2::text[]) GROUP BY application_id) s
           ON s.application_id = p.application_id
        WHERE p.period_id = $1`,
      [periodId, components, components.length],
    );
    return r;
  }

  async formations(manager: EntityManager, periodId: string): Promise<FormationQuota[]> {
    const rows: { formation_id: string; quota: number; n: number }[] = await manager.query(
      `SELECT f.formation_id, f.quota, count(*)::int AS n FROM skb.formations f
         JOIN skb.participants p ON p.formation_id = f.formation_id AND p.period_id = $1
        GROUP BY f.formation_id ORDER BY f.code, f.formation_id`,
      [periodId],
    );
    return rows.map((r) => ({ formationId: r.formation_id, quota: r.quota, participants: r.n }));
  }

  async participants(manager: EntityManager, periodId: string, formationIds: string[]): Promise<ParticipantFacts[]> {
    const rows: {
      application_id: string; formation_id: string; participant_number: string; attendance: 'TH' | 'DIS' | null; applicant_id: string;
      gpa: string; dob: string; kk_digest: string; scores: Record<string, number> | null;
    }[] = await manager.query(
      `SELECT p.application_id, p.formation_id, p.participant_number, p.attendance, p.applicant_id, p.gpa,
              to_char(p.date_of_birth, 'YYYY-MM-DD') AS dob, p.kk_digest,
              (SELECT jsonb_object_agg(s.component, s.value) FROM skb.scores s WHERE s.application_id = p.application_id) AS scores
         FROM skb.participants p
        WHERE p.period_id = $1 AND p.formation_id = ANY($2::uuid[])
        ORDER BY p.participant_number`,
      [periodId, formationIds],
    );
    return rows.map((r) => ({
      applicationId: r.application_id,
      formationId: r.formation_id,
      participantNumber: r.participant_number,
      attendance: r.attendance,
      applicantId: r.applicant_id,
      gpa: Number(r.gpa),
      dateOfBirth: r.dob,
      kkDigest: r.kk_digest,
      scores: Object.fromEntries(Object.entries(r.scores ?? {}).map(([k, v]) => [k, Number(v)])),
    }));
  }

  /** One INSERT for a batch of results (jsonb_to_recordset keeps it to one bind parameter). */
  async insert(manager: EntityManager, periodId: string, ruleVersion: string, results: ComputedResult[], at: Date): Promise<void> {
    if (results.length === 0) return;
    await manager.query(
      `INSERT INTO skb.results (application_id, period_id, formation_id, components, total, outcome, rank, proceeds, rule_version, finalized_at)
       SELECT r.application_id, $2, r.formation_id, r.components, r.total, r.outcome, r.rank, r.proceeds, $3, $4
         FROM jsonb_to_recordset($1::jsonb) AS r(application_id uuid, formation_id uuid, components jsonb, total numeric, outcome text, rank integer, proceeds boolean)`,
      [
        JSON.stringify(results.map((r) => ({ application_id: r.applicationId, formation_id: r.formationId, components: r.components, total: r.total, outcome: r.outcome, rank: r.rank, proceeds: r.proceeds }))),
        periodId,
        ruleVersion,
        at,
      ],
    );
  }

  /** The applicant's own result: the applicant id is in the signature, so no caller can forget it. */
  async findForApplicant(manager: EntityManager, applicantId: string, periodId: string): Promise<StoredResult | undefined> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT p.participant_number, p.full_name, f.code, r.components, r.total, r.outcome, r.rank, r.proceeds, r.rule_version, r.finalized_at
         FROM skb.results r JOIN skb.participants p ON p.application_id = r.application_id
         JOIN skb.formations f ON f.formation_id = p.formation_id
        WHERE p.applicant_id = $1 AND p.period_id = $2`,
      [applicantId, periodId],
    );
    const r = rows[0];
    if (!r) return undefined;
    return {
      participantNumber: r.participant_number as string,
      fullName: r.full_name as string,
      formationCode: r.code as string,
      components: r.components as { component: string; value: number }[],
      total: r.total === null ? null : Number(r.total),
      outcome: r.outcome as string,
      rank: r.rank as number | null,
      proceeds: r.proceeds as boolean,
      ruleVersion: r.rule_version as string,
      finalizedAt: r.finalized_at as Date,
    };
  }
}
