import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { DataSource } from 'typeorm';
import { AccountResponse } from '../accounts/accounts.dto';
import { AccountsService } from '../accounts/accounts.service';
import { maskIdentityNumber, nikWarnings, parseNik } from '../accounts/identity-numbers';
import { TokensRepository } from '../auth/tokens.repository';
import { AuditLogRepository, AuditRow } from '../common/audit-log.repository';
import { Clock } from '../common/clock';
import { PiiCipher } from '../common/pii-cipher';
import { AccountAdminRepository } from './account-admin.repository';
import { AccountAuditEntryResponse, CorrectIdentityDto, NikReleasedResponse, ReleaseNikDto } from './account-admin.dto';

const ACTIONS = { released: 'account.nik-released', corrected: 'account.identity-corrected' } as const;

/**
 * What only an admin may do to an applicant account, each recorded with who, when and why in the
 * append-only audit log: free a NIK that someone else registered first (the owner proved who they
 * are), and correct identity data, which applicants cannot edit themselves.
 */
@Injectable()
export class AccountAdminService {
  private readonly logger = new Logger('AccountAdmin');

  constructor(
    private readonly dataSource: DataSource,
    private readonly admin: AccountAdminRepository,
    private readonly audit: AuditLogRepository,
    private readonly tokens: TokensRepository,
    private readonly accounts: AccountsService,
    private readonly cipher: PiiCipher,
    private readonly clock: Clock,
  ) {}

  async releaseNik(actorId: string, dto: ReleaseNikDto): Promise<NikReleasedResponse> {
    const now = this.clock.now();
    const nik = dto.nik.trim();
    const released = await this.dataSource.transaction(async (manager) => {
      const holder = await this.admin.lockHolderOf(manager, this.cipher.lookupDigest(nik));
      if (!holder) return undefined;
      await this.admin.releaseNik(manager, holder.id, now);
      await this.tokens.revokeAllOf(manager, holder.id, now);
      await this.audit.append(manager, {
        actorId,
        action: ACTIONS.released,
        subject: holder.id,
        details: {
          reason: dto.reason.trim(),
          evidence: dto.evidence.trim(),
          nikMasked: maskIdentityNumber(nik),
          emailConfirmed: holder.email_confirmed_at !== null,
          submittedApplications: holder.submitted,
        },
      });
      return holder;
    });
    if (!released) throw new DomainError('NIK_NOT_HELD', 'no open account holds this NIK', HttpStatus.NOT_FOUND, 'nik');
    // No NIK digits in logs, masked or not: the account id and the audit record identify it.
    this.logger.log(`the NIK held by account ${released.id} was released by ${actorId}`);
    return {
      accountId: released.id,
      releasedAt: now.toISOString(),
      emailConfirmed: released.email_confirmed_at !== null,
      submittedApplications: released.submitted,
    };
  }

  async correctIdentity(actorId: string, accountId: string, dto: CorrectIdentityDto): Promise<AccountResponse> {
    const now = this.clock.now();
    if (dto.fullName === undefined && dto.birthDate === undefined && dto.birthPlace === undefined && dto.gender === undefined) {
      throw new DomainError('NOTHING_TO_CORRECT', 'give at least one of fullName, birthDate, birthPlace, gender', HttpStatus.BAD_REQUEST, 'fullName');
    }
    if (dto.birthDate !== undefined && !isRealPastDate(dto.birthDate, now)) {
      throw new DomainError('DATE_OF_BIRTH_INVALID', 'birthDate must be a real date in the past', HttpStatus.BAD_REQUEST, 'birthDate');
    }
    const found = await this.dataSource.transaction(async (manager) => {
      const current = await this.admin.lockIdentity(manager, accountId);
      if (!current) return false;
      const next = {
        fullName: dto.fullName?.trim() ?? current.full_name,
        placeOfBirth: dto.birthPlace?.trim() ?? current.place_of_birth,
        dateOfBirth: dto.birthDate ?? current.date_of_birth,
        gender: dto.gender ?? current.gender,
      };
      const changes: Record<string, { from: string | null; to: string }> = {};
      const compare: [string, string | null, string][] = [
        ['fullName', current.full_name, next.fullName],
        ['birthPlace', current.place_of_birth, next.placeOfBirth],
        ['birthDate', current.date_of_birth, next.dateOfBirth],
        ['gender', current.gender, next.gender],
      ];
      for (const [field, from, to] of compare) if (from !== to) changes[field] = { from, to };
      // The NIK encodes the birth date and gender: its warnings follow the corrected data.
      const parsed = parseNik(this.cipher.decrypt(current.nik_sealed));
      const warnings = parsed.ok ? nikWarnings(parsed.nik, { dateOfBirth: next.dateOfBirth, gender: next.gender }) : [];
      await this.admin.updateIdentity(manager, accountId, { ...next, nikWarnings: warnings });
      await this.audit.append(manager, { actorId, action: ACTIONS.corrected, subject: accountId, details: { reason: dto.reason.trim(), changes } });
      return true;
    });
    if (!found) throw new DomainError('ACCOUNT_NOT_FOUND', 'no open applicant account with this id', HttpStatus.NOT_FOUND, 'accountId');
    return (await this.accounts.me(accountId))!;
  }

  async auditTrail(accountId: string | undefined): Promise<AccountAuditEntryResponse[]> {
    const rows = await this.audit.list(this.dataSource.manager, 'account.', accountId, 500);
    return rows.map(mapAuditEntry);
  }
}

function mapAuditEntry(row: AuditRow): AccountAuditEntryResponse {
  const details = row.details as { reason: string; evidence?: string; changes?: AccountAuditEntryResponse['changes'] };
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id ?? '',
    action: row.action,
    accountId: row.subject,
    reason: details.reason,
    evidence: details.evidence,
    changes: details.changes,
  };
}

function isRealPastDate(date: string, now: Date): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date && parsed < now;
}
