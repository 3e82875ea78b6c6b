import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface StaffMember {
  id: string;
  fullName: string;
  email: string;
  roles: string[];
}

/** The agency's staff accounts, for an admin choosing whom to register as a verifier or panelist. */
@Injectable()
export class StaffDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async list(role?: string): Promise<StaffMember[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, full_name, email, roles FROM registration.accounts
        WHERE kind = 'staff' AND ($1::text IS NULL OR $1 = ANY(roles))
        ORDER BY full_name, email`,
      [role ?? null],
    )) as { id: string; full_name: string; email: string; roles: string[] }[];
    return rows.map((r) => ({ id: r.id, fullName: r.full_name, email: r.email, roles: r.roles }));
  }
}
