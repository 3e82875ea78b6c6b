import { DynamicModule, Module } from '@nestjs/common';
import { JwtSigner } from '@seleksi/auth';
import { ConfigError, ServiceRuntimeModule } from '@seleksi/messaging';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AccountAdminController } from './account-admin/account-admin.controller';
import { AccountAdminRepository } from './account-admin/account-admin.repository';
import { AccountAdminService } from './account-admin/account-admin.service';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsRepository } from './accounts/accounts.repository';
import { AccountsService } from './accounts/accounts.service';
import { PasswordHasher } from './accounts/password-hasher';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationsRepository } from './applications/applications.repository';
import { ApplicationsService } from './applications/applications.service';
import { ReceiptSigner } from './applications/receipt-signer';
import { RegistrationCardService } from './applications/registration-card.service';
import { StaffDocumentsController } from './applications/staff-documents.controller';
import { SubmitApplication } from './applications/usecases/submit-application';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { SessionCookie } from './auth/session-cookie';
import { TokensRepository } from './auth/tokens.repository';
import { AuditLogRepository } from './common/audit-log.repository';
import { parsePiiKeys, PiiCipher } from './common/pii-cipher';
import { FormationsController } from './formations/formations.controller';
import { FormationsRepository } from './formations/formations.repository';
import { FormationsService } from './formations/formations.service';
import { MailDrain } from './mail/mail-drain';
import { MailOutboxRepository } from './mail/mail-outbox.repository';
import { OutcomeMail } from './mail/outcome-mail';
import { REGISTRATION_MIGRATIONS } from './migrations';
import { OversightController } from './oversight/oversight.controller';
import { OversightRepository } from './oversight/oversight.repository';
import { OversightService } from './oversight/oversight.service';
import { PeriodsController } from './periods/periods.controller';
import { PeriodsRepository } from './periods/periods.repository';
import { PeriodsService } from './periods/periods.service';
import { RecoveryController } from './recovery/recovery.controller';
import { RecoveryRepository } from './recovery/recovery.repository';
import { RecoveryService } from './recovery/recovery.service';
import { RegistrationConfig } from './registration.config';
import { StaffController } from './staff/staff.controller';
import { StaffDirectory } from './staff/staff.repository';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineHandler } from './timeline/timeline.handler';
import { TimelineRepository } from './timeline/timeline.repository';
import { TimelineService } from './timeline/timeline.service';

/**
 * The signing key is checked at boot: it must be a private key whose public half is the one every
 * service verifies with, or tokens issued here would be refused everywhere.
 */
export function readSigningKey(config: RegistrationConfig): string {
  let pem: string;
  try {
    pem = readFileSync(config.JWT_PRIVATE_KEY_FILE, 'utf8');
  } catch {
    throw new ConfigError([`JWT_PRIVATE_KEY_FILE: cannot read "${config.JWT_PRIVATE_KEY_FILE}"`]);
  }
  let derived: string;
  try {
    derived = createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    throw new ConfigError([`JWT_PRIVATE_KEY_FILE: "${config.JWT_PRIVATE_KEY_FILE}" is not a PEM private key`]);
  }
  const configured = createPublicKey(readFileSync(config.JWT_PUBLIC_KEY_FILE, 'utf8')).export({ type: 'spki', format: 'pem' }).toString();
  if (derived !== configured) {
    throw new ConfigError(['JWT_PRIVATE_KEY_FILE: its public key is not the one in JWT_PUBLIC_KEY_FILE, so no service would accept its tokens']);
  }
  return pem;
}

@Module({})
export class RegistrationModule {
  static forConfig(config: RegistrationConfig, options: { processMetrics?: boolean } = {}): DynamicModule {
    const signingKey = readSigningKey(config);
    return {
      module: RegistrationModule,
      imports: [ServiceRuntimeModule.forService({ service: 'registration', config, migrations: REGISTRATION_MIGRATIONS, ...options })],
      controllers: [
        TimelineHandler,
        PeriodsController,
        FormationsController,
        AccountsController,
        AuthController,
        RecoveryController,
        AccountAdminController,
        ApplicationsController,
        TimelineController,
        StaffDocumentsController,
        StaffController,
        OversightController,
      ],
      providers: [
        { provide: RegistrationConfig, useValue: config },
        { provide: PiiCipher, useValue: new PiiCipher(config.PII_ENCRYPTION_KEY, config.PII_ENCRYPTION_KEY_ID, parsePiiKeys(config.PII_PREVIOUS_KEYS)) },
        { provide: PasswordHasher, useValue: new PasswordHasher(config.PASSWORD_SCRYPT_COST) },
        {
          provide: JwtSigner,
          useValue: new JwtSigner(signingKey, { algorithm: config.JWT_ALGORITHM, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
        },
        { provide: ReceiptSigner, useValue: new ReceiptSigner(signingKey) },
        StaffDirectory,
        TimelineRepository,
        TimelineService,
        PeriodsRepository,
        PeriodsService,
        FormationsRepository,
        FormationsService,
        AccountsRepository,
        AccountsService,
        TokensRepository,
        AuthService,
        SessionCookie,
        ApplicationsRepository,
        ApplicationsService,
        SubmitApplication,
        RegistrationCardService,
        MailDrain,
        MailOutboxRepository,
        OutcomeMail,
        RecoveryRepository,
        RecoveryService,
        AccountAdminRepository,
        AccountAdminService,
        AuditLogRepository,
        OversightRepository,
        OversightService,
      ],
    };
  }
}
