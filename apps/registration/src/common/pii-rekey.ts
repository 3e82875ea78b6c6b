import { EntityManager } from 'typeorm';
import { PiiCipher } from './pii-cipher';

export interface RekeyReport {
  accounts: number;
  documents: number;
}

type Transaction = <T>(work: (m: EntityManager) => Promise<T>) => Promise<T>;

/** The sealed columns of each table that holds personal data at rest. */
const SEALED: { table: 'accounts' | 'documents'; columns: string[] }[] = [
  { table: 'accounts', columns: ['nik_sealed', 'kk_sealed'] },
  { table: 'documents', columns: ['content'] },
];

/**
 * After a key rotation: re-seals under the current key every NIK, KK and document sealed with an
 * older key (or before key ids existed), a page at a time in id order, each page in its own
 * transaction. Idempotent; once it reports nothing left, the older keys can leave PII_PREVIOUS_KEYS
 * (all but the last, which keys the NIK digests).
 */
export async function rekeyPersonalData(transaction: Transaction, cipher: PiiCipher, pageSize = 200): Promise<RekeyReport> {
  const report: RekeyReport = { accounts: 0, documents: 0 };
  for (const { table, columns } of SEALED) report[table] = await rekeyTable(transaction, cipher, table, columns, pageSize);
  return report;
}

/** Re-seals the rows of one table whose sealed columns name another key than the current one; returns how many. */
async function rekeyTable(transaction: Transaction, cipher: PiiCipher, table: string, columns: string[], pageSize: number): Promise<number> {
  const stale = (sealed: Buffer | null) => sealed !== null && cipher.keyIdOf(sealed) !== cipher.currentKeyId;
  const reseal = (sealed: Buffer | null) => (sealed === null ? null : cipher.seal(cipher.open(sealed)));
  const assignments = columns.map((c, i) => `${c} = $${i + 2}`).join(', ');
  let resealed = 0;
  for (let after: string | undefined = '00000000-0000-0000-0000-000000000000'; after !== undefined;) {
    const from: string = after;
    after = await transaction(async (m) => {
      const rows: Record<string, Buffer | null>[] = await m.query(
        `SELECT id, ${columns.join(', ')} FROM registration.${table} WHERE id > $1 ORDER BY id LIMIT $2 FOR UPDATE`,
        [from, pageSize],
      );
      for (const row of rows.filter((r) => columns.some((c) => stale(r[c])))) {
        await m.query(`UPDATE registration.${table} SET ${assignments} WHERE id = $1`, [row.id, ...columns.map((c) => reseal(row[c]))]);
        resealed += 1;
      }
      return rows.at(-1)?.id as string | undefined;
    });
  }
  return resealed;
}
