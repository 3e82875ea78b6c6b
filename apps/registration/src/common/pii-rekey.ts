import { EntityManager } from 'typeorm';
import { PiiCipher } from './pii-cipher';

export interface RekeyReport {
  accounts: number;
  documents: number;
}

/**
 * After a key rotation: re-seals under the current key every NIK, KK and document sealed with an
 * older key (or before key ids existed), a page at a time in id order, each page in its own
 * transaction. Idempotent; once it reports nothing left, the older keys can leave PII_PREVIOUS_KEYS
 * (all but the last, which keys the NIK digests).
 */
export async function rekeyPersonalData(
  transaction: <T>(work: (m: EntityManager) => Promise<T>) => Promise<T>,
  cipher: PiiCipher,
  pageSize = 200,
): Promise<RekeyReport> {
  const current = cipher.currentKeyId;
  const stale = (sealed: Buffer | null) => sealed !== null && cipher.keyIdOf(sealed) !== current;
  const report: RekeyReport = { accounts: 0, documents: 0 };

  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const last = await transaction(async (m) => {
      const rows: { id: string; nik_sealed: Buffer | null; kk_sealed: Buffer | null }[] = await m.query(
        `SELECT id, nik_sealed, kk_sealed FROM registration.accounts WHERE id > $1 ORDER BY id LIMIT $2 FOR UPDATE`,
        [after, pageSize],
      );
      for (const row of rows.filter((r) => stale(r.nik_sealed) || stale(r.kk_sealed))) {
        const reseal = (v: Buffer | null) => (v === null ? null : cipher.seal(cipher.open(v)));
        await m.query(`UPDATE registration.accounts SET nik_sealed = $2, kk_sealed = $3 WHERE id = $1`, [
          row.id,
          reseal(row.nik_sealed),
          reseal(row.kk_sealed),
        ]);
        report.accounts += 1;
      }
      return rows.at(-1)?.id;
    });
    if (!last) break;
    after = last;
  }

  for (let after = '00000000-0000-0000-0000-000000000000'; ;) {
    const last = await transaction(async (m) => {
      const rows: { id: string; content: Buffer }[] = await m.query(
        `SELECT id, content FROM registration.documents WHERE id > $1 ORDER BY id LIMIT $2 FOR UPDATE`,
        [after, pageSize],
      );
      for (const row of rows.filter((r) => stale(r.content))) {
        await m.query(`UPDATE registration.documents SET content = $2 WHERE id = $1`, [row.id, cipher.seal(cipher.open(row.content))]);
        report.documents += 1;
      }
      return rows.at(-1)?.id;
    });
    if (!last) break;
    after = last;
  }
  return report;
}
