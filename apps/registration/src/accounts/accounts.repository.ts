import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NikWarning } from './identity-numbers';

export interface NewApplicantRow {
  id: string;
  email: string;
  passwordHash: string;
  fullName: string;
  nikSealed: Buffer;
  nikLookup: string;
  kkSealed: Buffer;
  kkDigest: string;
  placeOfBirth: string;
  dateOfBirth: string;
  gender: 'F' | 'M';
  phone: string;
  nikWarnings: NikWarning[];
  locale: 'id' | 'en';
}

export interface AccountRow {
  id: string;
  kind: 'applicant' | 'staff';
  roles: string[];
  email: string;
  email_confirmed_at: Date | null;
  password_hash: string;
  full_name: string;
  nik_sealed: Buffer | null;
  kk_digest: string | null;
  place_of_birth: string | null;
  date_of_birth: string | null;
  gender: 'F' | 'M' | null;
  phone: string | null;
  nik_warnings: NikWarning[];
  locale: 'id' | 'en';
  nik_released_at: Date | null;
}

const COLUMNS = `id, kind, roles, email, email_confirmed_at, password_hash, full_name, nik_sealed, kk_digest, place_of_birth,
  to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, gender, phone, nik_warnings, locale, nik_released_at`;

export type TakenField = 'email' | 'nik';

@Injectable()
export class AccountsRepository {
  /** Which unique field is already taken, if any (checked before the insert; the indexes decide races). */
  async taken(manager: EntityManager, email: string, nikLookup: string): Promise<TakenField | undefined> {
    const rows: { email_taken: boolean; nik_taken: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM registration.accounts WHERE nik_lookup = $2) AS nik_taken,
              EXISTS (SELECT 1 FROM registration.accounts WHERE lower(email) = lower($1)) AS email_taken`,
      [email, nikLookup],
    );
    if (rows[0].nik_taken) return 'nik';
    if (rows[0].email_taken) return 'email';
    return undefined;
  }

  async insertApplicant(manager: EntityManager, a: NewApplicantRow): Promise<void> {
    await manager.query(
      `INSERT INTO registration.accounts (id, kind, roles, email, password_hash, full_name, nik_sealed, nik_lookup, kk_sealed, kk_digest,
         place_of_birth, date_of_birth, gender, phone, nik_warnings, locale)
       VALUES ($1, 'applicant', '{applicant}', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
        a.id,
        a.email,
        a.passwordHash,
        a.fullName,
        a.nikSealed,
        a.nikLookup,
        a.kkSealed,
        a.kkDigest,
        a.placeOfBirth,
        a.dateOfBirth,
        a.gender,
        a.phone,
        JSON.stringify(a.nikWarnings),
        a.locale,
      ],
    );
  }

  async insertStaff(manager: EntityManager, s: { id: string; email: string; fullName: string; roles: string[]; passwordHash: string }): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO registration.accounts (id, kind, roles, email, email_confirmed_at, password_hash, full_name)
       VALUES ($1, 'staff', $2, $3, now(), $4, $5) ON CONFLICT DO NOTHING RETURNING id`,
      [s.id, s.roles, s.email, s.passwordHash, s.fullName],
    );
    return rows.length === 1;
  }

  async setPassword(manager: EntityManager, email: string, passwordHash: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`UPDATE registration.accounts SET password_hash = $2 WHERE lower(email) = lower($1) RETURNING id`, [
      email,
      passwordHash,
    ]);
    return (rows[0] as unknown[]).length === 1;
  }

  async findById(manager: EntityManager, id: string): Promise<AccountRow | undefined> {
    const rows: AccountRow[] = await manager.query(`SELECT ${COLUMNS} FROM registration.accounts WHERE id = $1`, [id]);
    return rows[0];
  }

  async findByEmail(manager: EntityManager, email: string): Promise<AccountRow | undefined> {
    const rows: AccountRow[] = await manager.query(`SELECT ${COLUMNS} FROM registration.accounts WHERE lower(email) = lower($1)`, [email]);
    return rows[0];
  }

  async insertEmailToken(manager: EntityManager, accountId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await manager.query(`INSERT INTO registration.email_tokens (token_hash, account_id, expires_at) VALUES ($1, $2, $3)`, [tokenHash, accountId, expiresAt]);
  }

  /** Marks the token used and the e-mail confirmed; says why not when it cannot. */
  async useEmailToken(manager: EntityManager, tokenHash: string, now: Date): Promise<'confirmed' | 'unknown' | 'expired' | 'used'> {
    const rows: { account_id: string; expires_at: Date; used_at: Date | null }[] = await manager.query(
      `SELECT account_id, expires_at, used_at FROM registration.email_tokens WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    const token = rows[0];
    if (!token) return 'unknown';
    if (token.used_at) return 'used';
    if (new Date(token.expires_at) <= now) return 'expired';
    await manager.query(`UPDATE registration.email_tokens SET used_at = $2 WHERE token_hash = $1`, [tokenHash, now]);
    await manager.query(`UPDATE registration.accounts SET email_confirmed_at = $2 WHERE id = $1 AND email_confirmed_at IS NULL`, [token.account_id, now]);
    return 'confirmed';
  }
}
