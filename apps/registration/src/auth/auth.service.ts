import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { JwtSigner, Role } from '@seleksi/auth';
import { DomainError } from '@seleksi/messaging';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccountsRepository } from '../accounts/accounts.repository';
import { hashToken } from '../accounts/accounts.service';
import { PasswordHasher } from '../accounts/password-hasher';
import { Clock } from '../common/clock';
import { RegistrationConfig } from '../registration.config';
import { TokenPairResponse } from './auth.dto';
import { TokensRepository } from './tokens.repository';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');
  /**
   * Compared against when the e-mail is unknown, so a wrong address costs as long as a wrong
   * password: a hash made with the configured cost (a fixed cheaper one would tell the two apart).
   */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly tokens: TokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly signer: JwtSigner,
    private readonly config: RegistrationConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Throttled over a sliding window, by the client address as the trusted edge reports it
   * (TRUSTED_PROXIES; a forwarded header from anyone else is ignored):
   * - per account *from one address*: each attempt counts before the password is checked
   *   (atomically, so a parallel burst gets no more tries than the limit) and a success clears the
   *   count. Keyed on the pair, not the account alone, so that someone who knows an applicant's
   *   e-mail cannot lock them out during the deadline surge by failing on purpose elsewhere.
   * - per address: failures from one address over all accounts (password spraying).
   */
  async login(email: string, password: string, address: string): Promise<TokenPairResponse> {
    const now = this.clock.now();
    const pairKey = `account-address:${email.trim().toLowerCase()}|${address}`;
    const addressKey = `address:${address}`;
    const manager = this.dataSource.manager;
    const since = new Date(now.getTime() - this.config.LOGIN_FAILURE_WINDOW_SECONDS * 1000);
    const limited = () =>
      new DomainError('LOGIN_RATE_LIMITED', 'too many failed logins; try again later', HttpStatus.TOO_MANY_REQUESTS, 'email', {
        retryAfterSeconds: this.config.LOGIN_FAILURE_WINDOW_SECONDS,
      });
    const failures = await this.tokens.recentFailures(manager, [addressKey], since);
    if ((failures.get(addressKey) ?? 0) >= this.config.LOGIN_MAX_FAILURES_PER_ADDRESS) throw limited();
    if ((await this.tokens.countAttempt(manager, pairKey, now, since)) > this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS) throw limited();
    const account = await this.accounts.findByEmail(manager, email.trim());
    this.decoyHash ??= this.hasher.hash(randomBytes(16).toString('base64'));
    const valid = await this.hasher.verify(password, account?.password_hash ?? (await this.decoyHash));
    if (!account || !valid) {
      await this.tokens.recordFailure(manager, [addressKey], now);
      throw new DomainError('INVALID_CREDENTIALS', 'e-mail or password is wrong', HttpStatus.UNAUTHORIZED, 'password');
    }
    if (account.nik_released_at) {
      throw new DomainError('ACCOUNT_CLOSED', 'this account was closed when its NIK was released to its owner', HttpStatus.FORBIDDEN, 'email');
    }
    if (account.email_confirmed_at === null) {
      throw new DomainError('EMAIL_NOT_CONFIRMED', 'confirm your e-mail address before signing in', HttpStatus.FORBIDDEN, 'email');
    }
    await this.tokens.clearFailures(manager, pairKey);
    return this.dataSource.transaction((m) => this.issue(m, account.id, account.roles as Role[], now));
  }

  /** Rotation: a refresh token works once. Presenting a revoked one revokes every token of the account. */
  async refresh(refreshToken: string | undefined): Promise<TokenPairResponse> {
    if (!refreshToken) {
      throw new DomainError('REFRESH_TOKEN_INVALID', 'no refresh token in the body or the cookie; sign in again', HttpStatus.UNAUTHORIZED, 'refreshToken');
    }
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.findRefresh(manager, hashToken(refreshToken));
      if (!token || new Date(token.expires_at) <= now) return 'invalid' as const;
      if (token.revoked_at) {
        await this.tokens.revokeAllOf(manager, token.account_id, now);
        return 'reused' as const;
      }
      await this.tokens.revoke(manager, token.id, now);
      const account = await this.accounts.findById(manager, token.account_id);
      if (!account) return 'invalid' as const;
      return this.issue(manager, account.id, account.roles as Role[], now);
    });
    if (outcome === 'reused') this.logger.warn('a revoked refresh token was presented again; all sessions of its account were revoked');
    if (typeof outcome === 'string') {
      throw new DomainError(
        'REFRESH_TOKEN_INVALID',
        'the refresh token is unknown, expired or revoked; sign in again',
        HttpStatus.UNAUTHORIZED,
        'refreshToken',
      );
    }
    return outcome;
  }

  async logout(refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.findRefresh(manager, hashToken(refreshToken));
      if (token) await this.tokens.revoke(manager, token.id, this.clock.now());
    });
  }

  private async issue(manager: EntityManager, accountId: string, roles: Role[], now: Date): Promise<TokenPairResponse> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.tokens.insertRefresh(manager, {
      id: randomUUID(),
      accountId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(now.getTime() + this.config.REFRESH_TOKEN_TTL_SECONDS * 1000),
    });
    return {
      accessToken: this.signer.sign(accountId, roles, this.config.ACCESS_TOKEN_TTL_SECONDS),
      tokenType: 'Bearer',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      refreshToken,
      refreshExpiresIn: this.config.REFRESH_TOKEN_TTL_SECONDS,
      roles,
    };
  }
}
