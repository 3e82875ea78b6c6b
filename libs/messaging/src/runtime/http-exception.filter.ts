import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { Observable, throwError } from 'rxjs';
import { currentCorrelation } from '../correlation';
import { DomainError } from './domain-error';

/**
 * Maps domain and HTTP errors to `{ code, message, field?, errors? }`; unknown errors to a bare 500.
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
      const shaped =
        typeof body === 'object' && body !== null && 'code' in body
          ? body
          : { code: `HTTP_${exception.getStatus()}`, message: exception.message };
      void reply.status(exception.getStatus()).send({ ...shaped, correlationId });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.message : String(exception), (exception as Error)?.stack);
    void reply.status(500).send({ code: 'INTERNAL', message: 'internal error', correlationId });
  }
}
