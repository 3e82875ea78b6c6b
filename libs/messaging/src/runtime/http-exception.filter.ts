import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { InvalidPayloadError } from '@seleksi/contracts';
import { FastifyReply } from 'fastify';
import { Observable, throwError } from 'rxjs';
import { currentCorrelation } from '../correlation';
import { DomainError } from './domain-error';

/**
 * Maps domain and HTTP errors to `{ code, message, field?, errors? }`; an event that a request's data
 * would break the contract of to 422 EVENT_CONTRACT_VIOLATION; an exhausted connection pool to
 * 503 SERVICE_BUSY with Retry-After; unknown errors to a bare 500.
 * For event handlers it hands the error back untouched, so the event transport can tell a permanent
 * failure from a transient one (Nest's default RPC filter would flatten it to `{ status: 'error' }`).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') return throwError(() => exception);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const correlationId = currentCorrelation()?.correlationId;
    if (exception instanceof DomainError) {
      // A refusal that says when to come back (a rate limit) says it in the standard header too.
      const retryAfter = exception.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
      void reply.status(exception.status).send({
        code: exception.code,
        message: exception.message,
        field: exception.field,
        ...exception.details,
        correlationId,
      });
      return;
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const shaped = typeof body === 'object' && body !== null && 'code' in body ? body : { code: `HTTP_${exception.getStatus()}`, message: exception.message };
      void reply.status(exception.getStatus()).send({ ...shaped, correlationId });
      return;
    }
    if (exception instanceof InvalidPayloadError) {
      // The outbox checks every event against its contract before writing it, inside the request's
      // transaction, so nothing was written. Within a request the event is made of the request's
      // data, so the request is what cannot be accepted: a 4xx with the contract's complaints (field
      // paths of the event, no values). Logged as an error too: the DTO should have refused it first.
      this.logger.error(`request refused by the ${exception.eventType} contract: ${exception.problems.join('; ')}`);
      void reply.status(422).send({
        code: 'EVENT_CONTRACT_VIOLATION',
        message: `the request's data cannot be published as ${exception.eventType}: ${exception.problems.join('; ')}`,
        eventType: exception.eventType,
        problems: exception.problems,
        correlationId,
      });
      return;
    }
    if (isPoolExhausted(exception)) {
      // Every database connection is busy (a surge): the request did nothing, and a retry shortly is
      // the right move for the client, which a 500 would not tell it.
      this.logger.warn(`busy: ${(exception as Error).message}`);
      void reply.status(503).header('retry-after', '1').send({ code: 'SERVICE_BUSY', message: 'the service is busy; retry shortly', correlationId });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.message : String(exception), (exception as Error)?.stack);
    void reply.status(500).send({ code: 'INTERNAL', message: 'internal error', correlationId });
  }
}

/** pg-pool's refusal when no connection frees up within `connectionTimeoutMillis`. */
function isPoolExhausted(exception: unknown): boolean {
  return exception instanceof Error && exception.message === 'timeout exceeded when trying to connect';
}
