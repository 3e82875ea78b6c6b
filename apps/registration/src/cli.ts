import 'reflect-metadata';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional } from 'class-validator';
import { DatabaseConfig, loadConfigOrExit, runServiceCli } from '@seleksi/messaging';
import { createServiceDataSource } from '@seleksi/persistence';
import { parseArgs } from 'node:util';
import { PasswordHasher } from './accounts/password-hasher';
import { REGISTRATION_MIGRATIONS } from './migrations';
import { createStaffAccount, parseStaffRoles, resetStaffPassword, StaffAccountError } from './staff/staff-accounts';
import { parsePiiKeys, PiiCipher } from './common/pii-cipher';
import { rekeyPersonalData } from './common/pii-rekey';
import { RegistrationConfig } from './registration.config';

class StaffCliConfig extends DatabaseConfig {
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @IsIn([1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072])
  PASSWORD_SCRYPT_COST = 16384;
}

const USAGE = `usage:
  cli migrate
  cli staff create --email <e-mail> --name <full name> --roles admin,verifier,...
  cli staff reset-password --email <e-mail>
  cli pii rekey        (after a key rotation: re-seals NIK, KK and documents under PII_ENCRYPTION_KEY)
`;

async function staff(argv: string[]): Promise<void> {
  const [action, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: 'string' }, name: { type: 'string' }, roles: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (!values.email || (action === 'create' && (!values.name || !values.roles)) || !['create', 'reset-password'].includes(action)) {
    process.stderr.write(USAGE);
    process.exit(64);
  }
  const config = loadConfigOrExit('registration', StaffCliConfig);
  const dataSource = createServiceDataSource({
    settings: {
      host: config.DB_HOST,
      port: config.DB_PORT,
      database: config.DB_NAME,
      user: config.DB_USER,
      password: config.DB_PASSWORD,
      schema: 'registration',
      poolSize: 1,
    },
    migrations: REGISTRATION_MIGRATIONS,
    applicationName: 'seleksi-registration-cli',
  });
  await dataSource.initialize();
  const hasher = new PasswordHasher(config.PASSWORD_SCRYPT_COST);
  try {
    if (action === 'create') {
      const roles = parseStaffRoles(values.roles!);
      const created = await dataSource.transaction((m) => createStaffAccount(m, hasher, { email: values.email!, fullName: values.name!, roles }));
      const out = { id: created.id, email: values.email, roles, password: created.password };
      process.stdout.write(
        values.json ? `${JSON.stringify(out)}\n` : `created ${values.email} (${roles.join(', ')}); password, shown once: ${created.password}\n`,
      );
    } else {
      const password = await dataSource.transaction((m) => resetStaffPassword(m, hasher, values.email!));
      process.stdout.write(
        values.json ? `${JSON.stringify({ email: values.email, password })}\n` : `new password for ${values.email}, shown once: ${password}\n`,
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

/** `cli pii rekey`: with the service's own settings (the key ring), re-seals what older keys sealed. */
async function pii(argv: string[]): Promise<void> {
  if (argv[0] !== 'rekey') {
    process.stderr.write(USAGE);
    process.exit(64);
  }
  const config = loadConfigOrExit('registration', RegistrationConfig);
  const dataSource = createServiceDataSource({
    settings: {
      host: config.DB_HOST,
      port: config.DB_PORT,
      database: config.DB_NAME,
      user: config.DB_USER,
      password: config.DB_PASSWORD,
      schema: 'registration',
      poolSize: 1,
    },
    migrations: REGISTRATION_MIGRATIONS,
    applicationName: 'seleksi-registration-cli',
  });
  await dataSource.initialize();
  try {
    const cipher = new PiiCipher(config.PII_ENCRYPTION_KEY, config.PII_ENCRYPTION_KEY_ID, parsePiiKeys(config.PII_PREVIOUS_KEYS));
    const report = await rekeyPersonalData((work) => dataSource.transaction(work), cipher);
    process.stdout.write(`re-sealed under ${cipher.currentKeyId}: ${report.accounts} account(s), ${report.documents} document(s)\n`);
  } finally {
    await dataSource.destroy();
  }
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'staff') return staff(argv.slice(1));
  if (argv[0] === 'pii') return pii(argv.slice(1));
  return runServiceCli({ service: 'registration', migrations: REGISTRATION_MIGRATIONS }, argv);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`registration cli failed: ${error instanceof StaffAccountError ? error.message : error.stack}\n`);
  process.exit(error instanceof StaffAccountError ? 65 : 1);
});
