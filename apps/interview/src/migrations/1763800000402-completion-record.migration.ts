import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who closed a candidate's interview, and why a candidate with submitted sheets was marked absent. */
export class CompletionRecord1763800000402 implements MigrationInterface {
  name = 'CompletionRecord1763800000402';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interview.candidates ADD COLUMN completed_by uuid, ADD COLUMN absent_reason text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interview.candidates DROP COLUMN completed_by, DROP COLUMN absent_reason`);
  }
}
