import { Injectable } from '@nestjs/common';
import { FormationPublished, ScreeningFinalized } from '@seleksi/contracts';
import { EntityManager } from 'typeorm';

/** `<code>-00017`; sequences past 99,999 simply grow a digit. */
const NUMBER_SQL = (code: string, seq: string) => `${code} || '-' || lpad((${seq})::text, greatest(5, length((${seq})::text)), '0')`;

@Injectable()
export class IntakeRepository {
  /**
   * Serialises the intake of one formation. FormationPublished and ScreeningFinalized come on different
   * topics and may be handled at the same moment; without this, each transaction could miss the other's
   * uncommitted row (the formation or the participant) and leave a participant without a number.
   */
  async lockFormation(manager: EntityManager, formationId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`skb.formation:${formationId}`]);
  }

  async upsertFormation(manager: EntityManager, f: FormationPublished): Promise<void> {
    await manager.query(
      `INSERT INTO skb.formations (formation_id, period_id, code, position, formation_type, quota) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (formation_id) DO UPDATE SET quota = EXCLUDED.quota, position = EXCLUDED.position, formation_type = EXCLUDED.formation_type`,
      [f.formationId, f.periodId, f.code, f.position, f.formationType, f.quota],
    );
  }

  /** Same key (the period) as FormationPublished, so the formation is always known by then. */
  async changeQuota(manager: EntityManager, formationId: string, quota: number): Promise<void> {
    await manager.query(`UPDATE skb.formations SET quota = $2 WHERE formation_id = $1`, [formationId, quota]);
  }

  /**
   * Inserts the participants once each, in one statement; returns those this call created. Rows get
   * created_at a microsecond apart in the given order, so numbering keeps the arrival order inside a
   * chunk as it does across transactions.
   */
  async addParticipants(manager: EntityManager, list: ScreeningFinalized[]): Promise<ScreeningFinalized[]> {
    const column = <K extends keyof ScreeningFinalized>(key: K) => list.map((s) => s[key] ?? null);
    const rows: { application_id: string }[] = await manager.query(
      `INSERT INTO skb.participants (application_id, period_id, formation_id, full_name, registration_number, rule_version,
         applicant_id, photo_document_id, gpa, date_of_birth, kk_digest, created_at)
       SELECT application_id, period_id, formation_id, full_name, registration_number, rule_version, applicant_id, photo_document_id, gpa,
              date_of_birth, kk_digest, now() + n * interval '1 microsecond'
         FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[], $9::numeric[], $10::date[], $11::text[])
              WITH ORDINALITY AS s (application_id, period_id, formation_id, full_name, registration_number, rule_version, applicant_id,
                                    photo_document_id, gpa, date_of_birth, kk_digest, n)
        ORDER BY n
       ON CONFLICT (application_id) DO NOTHING RETURNING application_id`,
      [
        column('applicationId'),
        column('periodId'),
        column('formationId'),
        column('fullName'),
        column('registrationNumber'),
        column('ruleVersion'),
        column('applicantId'),
        column('photoDocumentId'),
        column('gpa'),
        column('dateOfBirth'),
        column('kkDigest'),
      ],
    );
    const created = new Set(rows.map((r) => r.application_id));
    return list.filter((s) => created.delete(s.applicationId));
  }

  /**
   * Numbers every participant of the formation that has none yet, in arrival order. The counter lives
   * on the formation row, and the UPDATE takes that row's lock, so two consumers numbering the same
   * formation at once queue behind each other and never hand out one number twice. Participants of a
   * formation not yet heard of keep no number until its FormationPublished arrives (which calls this too).
   */
  async numberPending(manager: EntityManager, formationId: string): Promise<void> {
    await manager.query(
      `WITH pending AS (
         SELECT application_id, row_number() OVER (ORDER BY created_at, application_id) AS n
           FROM skb.participants WHERE formation_id = $1 AND participant_number IS NULL),
       f AS (
         UPDATE skb.formations SET last_sequence = last_sequence + (SELECT count(*) FROM pending)
          WHERE formation_id = $1 AND EXISTS (SELECT 1 FROM pending)
          RETURNING code, last_sequence - (SELECT count(*) FROM pending) AS base)
       UPDATE skb.participants p SET participant_number = ${NUMBER_SQL('f.code', 'f.base + pending.n')}
         FROM pending, f WHERE p.application_id = pending.application_id`,
      [formationId],
    );
  }
}
