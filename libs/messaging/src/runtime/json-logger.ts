import { LoggerService, LogLevel } from '@nestjs/common';
import { currentCorrelation } from '../correlation';

const ORDER: LogLevel[] = ['verbose', 'debug', 'log', 'warn', 'error', 'fatal'];

const isStack = (value: unknown): value is string => typeof value === 'string' && value.includes('\n    at ');

/** One JSON object per line, with the correlation id of the request or event in hand. */
export class JsonLogger implements LoggerService {
  private readonly minimum: number;

  constructor(
    private readonly service: string,
    level: string,
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {
    // An unknown level must not silently turn on verbose output: fall back to the default.
    const index = ORDER.indexOf(level as LogLevel);
    this.minimum = index === -1 ? ORDER.indexOf('log') : index;
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (ORDER.indexOf(level) < this.minimum) return;
    // Nest passes the context as the last string argument, and a stack before it for errors; a lone
    // second argument to error() is a stack when it looks like one, else the context.
    const stack = level === 'error' && typeof rest[0] === 'string' && (rest.length > 1 || isStack(rest[0])) ? rest[0] : undefined;
    const others = stack === undefined ? rest : rest.slice(1);
    const last = others[others.length - 1];
    const context = typeof last === 'string' ? last : undefined;
    const correlation = currentCorrelation();
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      context,
      msg: message instanceof Error ? message.message : message,
    };
    if (correlation) {
      entry.correlationId = correlation.correlationId;
      if (correlation.causationId) entry.causationId = correlation.causationId;
    }
    if (stack) entry.stack = stack;
    this.write(JSON.stringify(entry));
  }
}
