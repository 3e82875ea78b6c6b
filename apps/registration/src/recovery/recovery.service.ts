import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '@seleksi/messaging';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import { AccountsService, hashToken } from '../accounts/accounts.service';
import { PasswordHasher } from '../accounts/password-hasher';
import { TokensRepository } from '../auth/tokens.repository';
import { Clock } from '../common/clock';
import { MailOutboxRepository } from '../mail/mail-outbox.repository';
import { renderMail } from '../mail/mail-templates';
import { RegistrationConfig } from '../registration.config';
import { RecoveryRepository } from './recovery.repository';

const HOUR_MS = 3_600_000;

/**
 * Resending the confirmation e-mail and resetting a password. Both answer a stranger exactly as they
 * answer the account's owner (202 accepted), so neither tells whether an e-mail is registered; both
 * are counted per e-mail and per client address in the database, so every instance counts the same.
 */
@Injectable()
export class RecoveryService {
  private readonly logger = new Logger('Recovery');

  constructor(
    private readonly dataSource: DataSource,
    private readonly recovery: RecoveryRepository,
    private readonly accounts: AccountsRepository,
    private readonly accountsService: AccountsService,
    private readonly tokens: TokensRepository,
    private readonly outbox: MailOutboxRepository,
    private readonly hasher: PasswordHasher,
    private readonly config: RegistrationConfig,
    private readonly clock: Clock,
  ) {}

  async resendConfirmation(email: string, address: string): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await this.admit(manager, `confirm:${email.trim().toLowerCase()}`, this.config.RESEND_CONFIRMATION_PER_HOUR, address, now);
      const account = await this.accounts.findByEmail(manager, email.trim());
      if (!account || account.kind !== 'applicant' || account.email_confirmed_at || account.nik_released_at) return;
      await this.accountsService.sendConfirmation(manager, { id: account.id, email: account.email, fullName: account.full_name, locale: account.locale }, now);
    });
  }

  async requestPasswordReset(email: string, address: string): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      await this.admit(manager, `reset:${email.trim().toLowerCase()}`, this.config.PASSWORD_RESET_PER_HOUR, address, now);
      const account = await this.accounts.findByEmail(manager, email.trim());
      if (!account || account.nik_released_at) return;
      const token = randomBytes(32).toString('base64url');
      const ttl = this.config.PASSWORD_RESET_TTL_SECONDS;
      await this.recovery.insertResetToken(manager, account.id, hashToken(token), new Date(now.getTime() + ttl * 1000));
      const mail = renderMail('password-reset', account.locale, {
        fullName: account.full_name,
        link: `${this.config.portalBase()}/reset-password?token=${token}`,
        validFor: { hours: Math.floor(ttl / 3600), minutes: Math.floor(ttl / 60) },
      });
      await this.outbox.queue(manager, [{ accountId: account.id, recipient: account.email, mail }]);
    });
  }

  /** One time, before it expires; every refresh token of the account is revoked with it. */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const now = this.clock.now();
    const passwordHash = await this.hasher.hash(password);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await this.recovery.lockResetToken(manager, hashToken(token));
      if (!row || row.used_at) return 'invalid' as const;
      if (new Date(row.expires_at) <= now) return 'expired' as const;
      await this.recovery.resetPassword(manager, row.account_id, passwordHash, now);
      await this.tokens.revokeAllOf(manager, row.account_id, now);
      return row.account_id;
    });
    if (outcome === 'expired') {
      throw new DomainError('RESET_TOKEN_EXPIRED', 'the reset link has expired; ask for a new one', HttpStatus.GONE, 'token');
    }
    if (outcome === 'invalid') throw new DomainError('RESET_TOKEN_INVALID', 'the reset link is unknown or was already used', HttpStatus.BAD_REQUEST, 'token');
    this.logger.log(`password of account ${outcome} reset; its sessions were revoked`);
  }

  /** Counts the request against the e-mail and the client address, or refuses it with when to retry. */
  private async admit(manager: EntityManager, emailKey: string, perEmail: number, address: string, now: Date) {
    const addressKey = `recovery-address:${address}`;
    const recent = await this.recovery.recentRequests(manager, [emailKey, addressKey], new Date(now.getTime() - HOUR_MS));
    const over = [
      [emailKey, perEmail],
      [addressKey, this.config.RECOVERY_REQUESTS_PER_ADDRESS_PER_HOUR],
    ].find(([key, limit]) => (recent.get(key as string)?.count ?? 0) >= (limit as number));
    if (over) {
      const oldest = recent.get(over[0] as string)!.oldest;
      const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + HOUR_MS - now.getTime()) / 1000));
      throw new DomainError('RATE_LIMITED', 'too many requests for this e-mail or from this address; try again later', HttpStatus.TOO_MANY_REQUESTS, 'email', {
        retryAfterSeconds,
      });
    }
    await this.recovery.recordRequest(manager, [emailKey, addressKey], now);
    await this.recovery.forgetOlderThan(manager, new Date(now.getTime() - HOUR_MS));
  }
}
