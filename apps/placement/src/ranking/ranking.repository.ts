import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PoolClient } from 'pg';
import { ComputedEntry } from './compute';
import { DecidedBy } from './rank-formation';
import { CandidateInputs, Explanation, explain, IneligibleReason, StageWeightsRule } from './score-integration';

export type LoadedCandidate = CandidateInputs & { skbEventId: string; interviewEventId: string | null };

export interface FormationRow {
  formationId: string;
  code: string;
  position: string;
  unit: string;
  educationLevels: string[];
  quota: number;
}

export type EntryToStore = ComputedEntry;

export interface StoredEntry {
  periodId: string;
  applicationId: string;
  formationId: string;
  applicantId: string | null;
  rank: number | null;
  finalScore: number | null;
  exactTie: boolean;
  decidedBy: DecidedBy;
  explanation: Explanation;
}

/** An entry as the officers' ranking page reads it: with the participant number from the SKB result. */
export type RankingEntryView = StoredEntry & { participantNumber: string | null };

interface EntryRow {
  period_id: string;
  application_id: string;
  formation_id: string;
  applicant_id: string | null;
  rank: number | null;
  final_score: number | null;
  exact_tie: boolean;
  decided_by: DecidedBy;
  skb_score: number | null;
  interview_score: number | null;
  not_ranked_because: IneligibleReason | null;
  rule_version: string;
  stage_weights: StageWeightsRule;
}

const ENTRY_COLUMNS = `period_id, application_id, formation_id, applicant_id, rank, final_score, exact_tie, decided_by, skb_score, interview_score, not_ranked_because`;
/** Entries with the rules their ranking was computed with (for the explanation). */
const ENTRY_SELECT = `SELECT e.period_id, e.application_id, e.formation_id, e.applicant_id, e.rank, e.final_score::float8 AS final_score, e.exact_tie,
    e.decided_by, e.skb_score::float8 AS skb_score, e.interview_score::float8 AS interview_score, e.not_ranked_because, r.rule_version, r.stage_weights
  FROM placement.ranking_entries e JOIN placement.rankings r ON r.period_id = e.period_id AND r.formation_id = e.formation_id`;
const toEntry = (r: EntryRow): StoredEntry => ({
  periodId: r.period_id,
  applicationId: r.application_id,
  formationId: r.formation_id,
  applicantId: r.applicant_id,
  rank: r.rank,
  finalScore: r.final_score,
  exactTie: r.exact_tie,
  decidedBy: r.decided_by,
  explanation: explain({ skbTotal: r.skb_score, interviewTotal: r.interview_score }, r.stage_weights, r.rule_version, r.not_ranked_because),
});

@Injectable()
export class RankingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** For read-only routes: the stored ranking outside any transaction. */
  read(periodId: string, formationId: string) {
    return this.rankingOf(this.dataSource.manager, periodId, formationId);
  }

  async formations(manager: EntityManager, periodId: string): Promise<FormationRow[]> {
    return (await manager.query(
      `SELECT formation_id AS "formationId", code, position, unit, education_levels AS "educationLevels", quota
         FROM placement.formations WHERE period_id = $1 ORDER BY formation_id`,
      [periodId],
    )) as FormationRow[];
  }

  /**
   * Every application of the period with an SKB result, with its interview result if any, reduced in
   * SQL to the fields the rules use: one statement, rows as arrays (a million rows are read in the
   * bench, and row objects cost twice the memory). An interview result without an SKB result cannot be
   * ranked and is left out.
   */
  async candidates(manager: EntityManager, periodId: string): Promise<LoadedCandidate[]> {
    const sql = `SELECT s.application_id, s.formation_id, s.result->>'applicantId', s.result->>'outcome', (s.result->>'total')::float8,
              (s.result->>'proceeds')::boolean,
              (SELECT (c->>'value')::float8 FROM jsonb_array_elements(s.result->'components') c WHERE c->>'component' = 'cat' LIMIT 1),
              (s.result->>'gpa')::float8, s.result->>'dateOfBirth', s.event_id,
              i.result->>'outcome', (i.result->>'total')::float8, i.event_id
         FROM placement.stage_results s
         LEFT JOIN placement.stage_results i ON i.application_id = s.application_id AND i.stage = 'interview'
        WHERE s.period_id = $1 AND s.stage = 'skb'`;
    const rows = await withClient(manager, (client) => client.query<unknown[]>({ text: sql, values: [periodId], rowMode: 'array' }));
    const out: LoadedCandidate[] = new Array<LoadedCandidate>(rows.rows.length);
    for (let n = 0; n < rows.rows.length; n++) {
      const r = rows.rows[n];
      out[n] = {
        applicationId: r[0] as string,
        formationId: r[1] as string,
        applicantId: r[2] as string | null,
        skbOutcome: r[3] as string,
        skbTotal: r[4] as number | null,
        skbProceeds: r[5] as boolean,
        cat: r[6] as number | null,
        gpa: r[7] as number,
        dateOfBirth: r[8] as string,
        skbEventId: r[9] as string,
        interviewOutcome: r[10] as string | null,
        interviewTotal: r[11] as number | null,
        interviewEventId: r[12] as string | null,
      };
    }
    return out;
  }

  /** Replaces the period's stored rankings in a few statements (unnest of column arrays, chunked). */
  async replace(
    manager: EntityManager,
    periodId: string,
    entries: EntryToStore[],
    digests: { formationId: string; digest: string }[],
    rules: { ruleVersion: string; stageWeights: StageWeightsRule },
    at: Date,
    by: string,
  ): Promise<void> {
    await manager.query(`DELETE FROM placement.ranking_entries WHERE period_id = $1`, [periodId]);
    await manager.query(`DELETE FROM placement.rankings WHERE period_id = $1`, [periodId]);
    const CHUNK = 50_000;
    for (let start = 0; start < entries.length; start += CHUNK) {
      const chunk = entries.slice(start, start + CHUNK);
      await manager.query(
        `INSERT INTO placement.ranking_entries (${ENTRY_COLUMNS})
         SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::numeric[], $7::boolean[], $8::text[], $9::numeric[], $10::numeric[], $11::text[])`,
        [
          periodId,
          chunk.map((e) => e.applicationId),
          chunk.map((e) => e.formationId),
          chunk.map((e) => e.applicantId),
          chunk.map((e) => e.rank),
          chunk.map((e) => e.finalScore),
          chunk.map((e) => e.exactTie),
          chunk.map((e) => e.decidedBy),
          chunk.map((e) => e.skbScore),
          chunk.map((e) => e.interviewScore),
          chunk.map((e) => e.notRankedBecause),
        ],
      );
    }
    await manager.query(
      `INSERT INTO placement.rankings (period_id, formation_id, inputs_digest, computed_at, computed_by, rule_version, stage_weights)
       SELECT $1, f, d, $4, $5, $6, $7 FROM unnest($2::uuid[], $3::text[]) AS t(f, d)`,
      [periodId, digests.map((d) => d.formationId), digests.map((d) => d.digest), at, by, rules.ruleVersion, JSON.stringify(rules.stageWeights)],
    );
  }

  async rankingOf(
    manager: EntityManager,
    periodId: string,
    formationId: string,
  ): Promise<{ inputsDigest: string; computedAt: Date; entries: RankingEntryView[] } | null> {
    const head = (await manager.query(`SELECT inputs_digest, computed_at FROM placement.rankings WHERE period_id = $1 AND formation_id = $2`, [
      periodId,
      formationId,
    ])) as {
      inputs_digest: string;
      computed_at: Date;
    }[];
    if (head.length === 0) return null;
    // The participant number is read here only (one formation, for people), never on the allocation's hot path.
    const rows = (await manager.query(
      `SELECT v.*, (SELECT s.result->>'participantNumber' FROM placement.stage_results s WHERE s.application_id = v.application_id AND s.stage = 'skb')
                AS participant_number
         FROM (${ENTRY_SELECT} WHERE e.period_id = $1 AND e.formation_id = $2) v ORDER BY v.rank NULLS LAST, v.application_id`,
      [periodId, formationId],
    )) as (EntryRow & { participant_number: string | null })[];
    return {
      inputsDigest: head[0].inputs_digest,
      computedAt: head[0].computed_at,
      entries: rows.map((r) => ({ ...toEntry(r), participantNumber: r.participant_number })),
    };
  }

  /** The ranked (eligible) entries of a period, for allocation. */
  async rankedEntries(manager: EntityManager, periodId: string): Promise<StoredEntry[]> {
    const rows = (await manager.query(`${ENTRY_SELECT} WHERE e.period_id = $1 AND e.rank IS NOT NULL`, [periodId])) as EntryRow[];
    return rows.map(toEntry);
  }

  async entry(manager: EntityManager, periodId: string, applicationId: string): Promise<StoredEntry | null> {
    const rows = (await manager.query(`${ENTRY_SELECT} WHERE e.period_id = $1 AND e.application_id = $2`, [periodId, applicationId])) as EntryRow[];
    return rows[0] ? toEntry(rows[0]) : null;
  }

  /** Staff view: the entry of an application, whoever's it is. */
  async entryOfApplication(manager: EntityManager, applicationId: string): Promise<StoredEntry | null> {
    const rows = (await manager.query(`${ENTRY_SELECT} WHERE e.application_id = $1`, [applicationId])) as EntryRow[];
    return rows[0] ? toEntry(rows[0]) : null;
  }

  /** An applicant's own entries: the applicant id is part of the question, so nobody else's come back. */
  async entriesOfApplicant(manager: EntityManager, applicantId: string, applicationId: string): Promise<StoredEntry | null> {
    const rows = (await manager.query(`${ENTRY_SELECT} WHERE e.applicant_id = $1 AND e.application_id = $2`, [applicantId, applicationId])) as EntryRow[];
    return rows[0] ? toEntry(rows[0]) : null;
  }
}

/** The pg client under a TypeORM manager (its transaction's, or a pooled one for the call). */
async function withClient<T>(manager: EntityManager, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    return await work(client);
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
