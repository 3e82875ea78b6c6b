import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NikWarning } from '../accounts/identity-numbers';

export interface HeldNikRow {
  id: string;
  email_confirmed_at: Date | null;
  submitted: number;
}

export interface IdentityRow {
  id: string;
  nik_sealed: Buffer;
  full_name: string;
  place_of_birth: string;
  date_of_birth: string;
  gender: 'F' | 'M';
}

@Injectable()
export class AccountAdminRepository {
  /** The applicant account holding a NIK (by its keyed digest), locked. */
  async lockHolderOf(manager: EntityManager, nikLookup: string): Promise<HeldNikRow | undefined> {
    const rows: HeldNikRow[] = await manager.query(
      `SELECT a.id, a.email_confirmed_at,
              (SELECT count(*)::int FROM registration.applications ap WHERE ap.account_id = a.id AND ap.status = 'submitted') AS submitted
         FROM registration.accounts a WHERE a.nik_lookup = $1 AND a.kind = 'applicant' FOR UPDATE`,
      [nikLookup],
    );
    return rows[0];
  }

  /** The NIK no longer blocks a sign-up; the account is closed but kept, with its sealed NIK. */
  async releaseNik(manager: EntityManager, accountId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE registration.accounts SET nik_lookup = NULL, nik_released_at = $2 WHERE id = $1`, [accountId, at]);
  }

  async lockIdentity(manager: EntityManager, accountId: string): Promise<IdentityRow | undefined> {
    const rows: IdentityRow[] = await manager.query(
      `SELECT id, nik_sealed, full_name, place_of_birth, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, gender
         FROM registration.accounts WHERE id = $1 AND kind = 'applicant' AND nik_released_at IS NULL FOR UPDATE`,
      [accountId],
    );
    return rows[0];
  }

  async updateIdentity(
    manager: EntityManager,
    accountId: string,
    identity: { fullName: string; placeOfBirth: string; dateOfBirth: string; gender: 'F' | 'M'; nikWarnings: NikWarning[] },
  ): Promise<void> {
    await manager.query(
      `UPDATE registration.accounts SET full_name = $2, place_of_birth = $3, date_of_birth = $4, gender = $5, nik_warnings = $6 WHERE id = $1`,
      [accountId, identity.fullName, identity.placeOfBirth, identity.dateOfBirth, identity.gender, JSON.stringify(identity.nikWarnings)],
    );
  }
}
