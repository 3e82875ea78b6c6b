import { connectAsService, freshSchema, newSkbRules } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SKB_MIGRATIONS } from '../src/migrations';
import { ResultsLayout1763800000304 } from '../src/migrations/1763800000304-results-layout.migration';

/** Migration 304 converts results already stored (a deployment that finalized before it) both ways. */
describe(ResultsLayout1763800000304.name, () => {
  let db: DataSource | undefined;

  afterEach(async () => {
    if (db?.isInitialized) await db.destroy();
    // Leave no half-migrated schema behind for the next suite.
    await freshSchema('skb');
  });

  it('moves stored component scores into component_values in the order of the period, and back', async () => {
    await freshSchema('skb');
    const before = SKB_MIGRATIONS.slice(0, SKB_MIGRATIONS.indexOf(ResultsLayout1763800000304));
    db = await connectAsService('skb', before);
    const periodId = randomUUID();
    await db.query(`INSERT INTO skb.periods (period_id, rule_version, time_zone, rules) VALUES ($1, 'v1', 'WIB', $2)`, [
      periodId,
      JSON.stringify(newSkbRules()),
    ]);
    const old = [
      [
        { component: 'cat', value: 412.5 },
        { component: 'practical', value: 80 },
      ],
      [],
      [{ component: 'practical', value: 70 }],
    ];
    const ids = old.map(() => randomUUID());
    for (const [i, components] of old.entries()) {
      await db.query(
        `INSERT INTO skb.results (application_id, period_id, formation_id, components, total, outcome, rank, proceeds, rule_version, finalized_at)
         VALUES ($1, $2, $3, $4, NULL, 'TL', NULL, false, 'v1', now())`,
        [ids[i], periodId, randomUUID(), JSON.stringify(components)],
      );
    }
    await db.destroy();

    db = await connectAsService('skb', SKB_MIGRATIONS);
    const converted: { application_id: string; component_values: (number | null)[] }[] = await db.query(
      `SELECT application_id, component_values FROM skb.results`,
    );
    const byId = new Map(converted.map((r) => [r.application_id, r.component_values]));
    expect(ids.map((id) => byId.get(id))).toEqual([
      [412.5, 80],
      [null, null],
      [null, 70],
    ]);
    const keys: { def: string }[] = await db.query(`SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = 'skb.results'::regclass`);
    expect(keys.map((k) => k.def)).toEqual([expect.stringContaining('(period_id, application_id)')]);

    // Down again (every migration after 304, then 304): the jsonb comes back as it was.
    for (let i = SKB_MIGRATIONS.indexOf(ResultsLayout1763800000304); i < SKB_MIGRATIONS.length; i++) await db.undoLastMigration();
    const restored: { application_id: string; components: unknown }[] = await db.query(`SELECT application_id, components FROM skb.results`);
    const back = new Map(restored.map((r) => [r.application_id, r.components]));
    expect(ids.map((id) => back.get(id))).toEqual(old);
  });
});
