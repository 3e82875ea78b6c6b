import { Logger } from 'typeorm';

export type LogWriter = (level: 'error' | 'warn' | 'log', message: string) => void;

const toStderr: LogWriter = (level, message) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, context: 'TypeORM', message })}\n`);
};

/**
 * SQLSTATE classes whose messages repeat the offending value (22: data exception, "invalid input
 * syntax for type uuid: \"…\""; 23: integrity violation, whose detail names the duplicate key's value).
 * For these only the code and the constraint are logged.
 */
const CLASSES_ECHOING_DATA = ['22', '23'];

/**
 * TypeORM's own loggers print a failed statement with its parameters, and parameters are personal data
 * (NIK, names, phone numbers). This one prints the statement's text (parameters stay `$1`, `$2`…),
 * the SQLSTATE and the constraint, never a parameter; successful queries are not logged at all.
 */
export class ParameterFreeLogger implements Logger {
  constructor(private readonly write: LogWriter = toStderr) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.write('error', `query failed: ${describeQueryError(error)} -- ${shorten(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.write('warn', `slow query (${time} ms) -- ${shorten(query)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.write('log', message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.write('warn', String(message));
  }
}

export function describeQueryError(error: string | Error): string {
  if (typeof error === 'string') return 'error (message not shown)';
  const { code, constraint } = error as Error & { code?: string; constraint?: string };
  if (!code) return error.name;
  const where = constraint ? `, constraint ${constraint}` : '';
  if (CLASSES_ECHOING_DATA.includes(code.slice(0, 2))) return `SQLSTATE ${code}${where}`;
  return `${error.message} (SQLSTATE ${code}${where})`;
}

function shorten(query: string): string {
  return query.length > 1000 ? `${query.slice(0, 1000)}…` : query;
}
