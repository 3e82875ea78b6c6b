import { TokensRepository } from '../auth/tokens.repository';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { kkDigest } from '@seleksi/contracts';
import { DomainError } from '@seleksi/messaging';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { MailOutboxRepository } from '../mail/mail-outbox.repository';
import { renderMail } from '../mail/mail-templates';
import { PiiCipher } from '../common/pii-cipher';
import { RegistrationConfig } from '../registration.config';
import { AccountResponse, SignUpDto } from './accounts.dto';
import { AccountRow, AccountsRepository } from './accounts.repository';
import { IDENTITY_PROBLEM_MESSAGES, kkProblem, maskIdentityNumber, nikWarnings, parseNik } from './identity-numbers';
import { PasswordHasher } from './password-hasher';
import { normalisePhone } from './phone';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function isRealPastDate(date: string, now: Date): boolean {
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date && parsed < now;
}

@Injectable()
export class AccountsService {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly cipher: PiiCipher,
    private readonly config: RegistrationConfig,
    private readonly clock: Clock,
    private readonly outbox: MailOutboxRepository,
    private readonly attempts: TokensRepository,
  ) {}

  /**
   * Applicant sign-up. A malformed NIK or KK is refused; a NIK that disagrees with the stated birth
   * date or gender is accepted with a warning that travels to screening.
   */
  async signUp(dto: SignUpDto, address: string): Promise<AccountResponse> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - this.config.SIGNUP_WINDOW_SECONDS * 1000);
    if ((await this.attempts.countAttempt(this.dataSource.manager, `signup-address:${address}`, now, since)) > this.config.SIGNUP_MAX_PER_ADDRESS) {
      throw new DomainError('RATE_LIMITED', 'too many sign-ups from this address; try again later', HttpStatus.TOO_MANY_REQUESTS, 'email', {
        retryAfterSeconds: this.config.SIGNUP_WINDOW_SECONDS,
      });
    }
    const nik = parseNik(dto.nik);
    if (!nik.ok) throw new DomainError('NIK_INVALID', `nik ${IDENTITY_PROBLEM_MESSAGES[nik.problem]}`, HttpStatus.BAD_REQUEST, 'nik', { reason: nik.problem });
    const kk = kkProblem(dto.kkNumber);
    if (kk) throw new DomainError('KK_INVALID', `kkNumber ${IDENTITY_PROBLEM_MESSAGES[kk]}`, HttpStatus.BAD_REQUEST, 'kkNumber', { reason: kk });
    if (!isRealPastDate(dto.dateOfBirth, now)) {
      throw new DomainError('DATE_OF_BIRTH_INVALID', 'dateOfBirth must be a real date in the past', HttpStatus.BAD_REQUEST, 'dateOfBirth');
    }
    const phone = normalisePhone(dto.phone);
    if (!phone)
      throw new DomainError('PHONE_INVALID', 'phone must be an Indonesian number such as 0812-3456-7890 or +62 812 3456 7890', HttpStatus.BAD_REQUEST, 'phone');
    const email = dto.email.trim();
    const warnings = nikWarnings(nik.nik, { dateOfBirth: dto.dateOfBirth, gender: dto.gender });
    const nikLookup = this.cipher.lookupDigest(dto.nik.trim());
    const passwordHash = await this.hasher.hash(dto.password);
    const id = randomUUID();
    const locale = dto.locale ?? 'id';

    await this.dataSource.transaction(async (manager) => {
      const taken = await this.accounts.taken(manager, email, nikLookup);
      if (taken) throw this.takenError(taken);
      try {
        await this.accounts.insertApplicant(manager, {
          id,
          email,
          passwordHash,
          phone,
          nikLookup,
          nikWarnings: warnings,
          fullName: dto.fullName.trim(),
          placeOfBirth: dto.placeOfBirth.trim(),
          dateOfBirth: dto.dateOfBirth,
          gender: dto.gender,
          nikSealed: this.cipher.encrypt(dto.nik.trim()),
          kkSealed: this.cipher.encrypt(dto.kkNumber.trim()),
          kkDigest: kkDigest(dto.kkNumber, this.config.KK_DIGEST_KEY),
          locale,
        });
      } catch (error) {
        // Two sign-ups with the same NIK or e-mail at once: the unique index decides, and says which.
        const constraint = (error as { driverError?: { constraint?: string } }).driverError?.constraint;
        if (constraint === 'accounts_nik') throw this.takenError('nik');
        if (constraint === 'accounts_email') throw this.takenError('email');
        throw error;
      }
      await this.sendConfirmation(manager, { id, email, fullName: dto.fullName.trim(), locale }, now);
    });
    this.logger.log(`applicant account ${id} created (${warnings.length} NIK warning(s))`);
    return (await this.me(id))!;
  }

  async confirmEmail(token: string): Promise<void> {
    const outcome = await this.dataSource.transaction((manager) => this.accounts.useEmailToken(manager, hashToken(token), this.clock.now()));
    if (outcome === 'confirmed') return;
    if (outcome === 'expired')
      throw new DomainError(
        'TOKEN_EXPIRED',
        'the confirmation token has expired; ask for a new confirmation e-mail (POST /accounts/confirm-email/resend)',
        HttpStatus.GONE,
        'token',
      );
    throw new DomainError(
      'TOKEN_INVALID',
      outcome === 'used' ? 'the confirmation token was already used' : 'unknown confirmation token',
      HttpStatus.BAD_REQUEST,
      'token',
    );
  }

  /** A fresh one-time confirmation token, e-mailed as a link into the portal; earlier tokens stay valid until they expire. */
  async sendConfirmation(manager: EntityManager, account: { id: string; email: string; fullName: string; locale: 'id' | 'en' }, now: Date): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const ttl = this.config.EMAIL_TOKEN_TTL_SECONDS;
    await this.accounts.insertEmailToken(manager, account.id, hashToken(token), new Date(now.getTime() + ttl * 1000));
    const link = `${this.config.portalBase()}/confirm-email?token=${token}`;
    const mail = renderMail('confirm-email', account.locale, {
      fullName: account.fullName,
      link,
      validFor: { hours: Math.floor(ttl / 3600), minutes: Math.floor(ttl / 60) },
    });
    await this.outbox.queue(manager, [{ accountId: account.id, recipient: account.email, mail }]);
  }

  async me(accountId: string): Promise<AccountResponse | undefined> {
    const row = await this.accounts.findById(this.dataSource.manager, accountId);
    return row && this.map(row);
  }

  private map(row: AccountRow): AccountResponse {
    return {
      id: row.id,
      email: row.email,
      emailConfirmed: row.email_confirmed_at !== null,
      fullName: row.full_name,
      nikMasked: row.nik_sealed ? maskIdentityNumber(this.cipher.decrypt(row.nik_sealed)) : '',
      placeOfBirth: row.place_of_birth ?? '',
      dateOfBirth: row.date_of_birth ?? '',
      gender: row.gender ?? '',
      phone: row.phone ?? '',
      nikWarnings: row.nik_warnings,
      locale: row.locale,
    };
  }

  private takenError(field: 'nik' | 'email'): DomainError {
    return field === 'nik'
      ? new DomainError('NIK_TAKEN', 'an account with this NIK exists', HttpStatus.CONFLICT, 'nik')
      : new DomainError('EMAIL_TAKEN', 'an account with this e-mail exists', HttpStatus.CONFLICT, 'email');
  }
}
