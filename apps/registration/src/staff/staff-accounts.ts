import { isRole, Role } from '@seleksi/auth';
import { randomBytes, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import { PasswordHasher } from '../accounts/password-hasher';
import { AuditLogRepository } from '../common/audit-log.repository';

export const STAFF_ROLES: Role[] = ['admin', 'verifier', 'skb-officer', 'panelist', 'placement-officer'];

export class StaffAccountError extends Error {}

/** A password nobody chose: 20 characters from a 62-letter alphabet (about 119 bits). */
export function generatePassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(40);
  let out = '';
  for (const b of bytes) {
    if (b < 248 - (248 % alphabet.length) && out.length < 20) out += alphabet[b % alphabet.length];
  }
  return out.length === 20 ? out : generatePassword();
}

export function parseStaffRoles(list: string): Role[] {
  const roles = list
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  if (roles.length === 0) throw new StaffAccountError('--roles needs at least one role');
  for (const role of roles) {
    if (!isRole(role) || !STAFF_ROLES.includes(role)) throw new StaffAccountError(`unknown staff role "${role}" (one of ${STAFF_ROLES.join(', ')})`);
  }
  return roles as Role[];
}

/**
 * Staff accounts exist only through this command (there is no sign-up for staff and no default
 * password). The generated password is returned once, to be handed over, and stored only hashed.
 */
export async function createStaffAccount(
  manager: EntityManager,
  hasher: PasswordHasher,
  input: { email: string; fullName: string; roles: Role[] },
): Promise<{ id: string; password: string }> {
  const accounts = new AccountsRepository();
  const password = generatePassword();
  const id = randomUUID();
  const created = await accounts.insertStaff(manager, {
    id,
    email: input.email.trim(),
    fullName: input.fullName.trim(),
    roles: input.roles,
    passwordHash: await hasher.hash(password),
  });
  if (!created) throw new StaffAccountError(`an account with e-mail ${input.email} exists`);
  await new AuditLogRepository().append(manager, {
    actorId: null,
    action: 'staff.created',
    subject: id,
    details: { email: input.email, roles: input.roles, via: 'cli' },
  });
  return { id, password };
}

export async function resetStaffPassword(manager: EntityManager, hasher: PasswordHasher, email: string): Promise<string> {
  const password = generatePassword();
  if (!(await new AccountsRepository().setPassword(manager, email, await hasher.hash(password)))) {
    throw new StaffAccountError(`no account with e-mail ${email}`);
  }
  return password;
}
