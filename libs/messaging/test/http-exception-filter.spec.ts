import { ArgumentsHost } from '@nestjs/common';
import { validatePayload } from '@seleksi/contracts';
import { DomainError, HttpExceptionFilter } from '@seleksi/messaging';
import { newIds, newPayload, testInfra } from '@seleksi/testing';
import { Pool } from 'pg';

interface Sent {
  status?: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

/** Runs the filter over one error as Nest would for an HTTP request, and returns what it sent. */
function reply(exception: unknown): Sent {
  const sent: Sent = { headers: {} };
  const response = {
    status(code: number) {
      sent.status = code;
      return response;
    },
    header(name: string, value: string) {
      sent.headers[name] = value;
      return response;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return response;
    },
  };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new HttpExceptionFilter().catch(exception, host);
  return sent;
}

describe(HttpExceptionFilter.name, () => {
  it('answers 503 SERVICE_BUSY with Retry-After when no database connection frees up in time', async () => {
    // The real refusal of a real pool with every connection taken.
    const { pg } = testInfra();
    const pool = new Pool({ host: pg.host, port: pg.port, database: pg.database, user: pg.adminUser, max: 1, connectionTimeoutMillis: 100 });
    const held = await pool.connect();
    try {
      const refusal = await pool.connect().then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(reply(refusal)).toMatchObject({ status: 503, headers: { 'retry-after': '1' }, body: { code: 'SERVICE_BUSY' } });
    } finally {
      held.release();
      await pool.end();
    }
  });

  it("answers 422 EVENT_CONTRACT_VIOLATION when a request's data would break an event's contract", () => {
    // The outbox's own check, on a payload made of a request's text that only spaces filled.
    const refusal = (() => {
      try {
        validatePayload('PlacementDeclined', newPayload('PlacementDeclined', newIds(), { reason: '' }));
      } catch (error) {
        return error;
      }
    })();
    expect(reply(refusal)).toMatchObject({
      status: 422,
      body: { code: 'EVENT_CONTRACT_VIOLATION', eventType: 'id.seleksi.placement.PlacementDeclined.v1', problems: [expect.stringMatching(/^reason: /)] },
    });
  });

  it('keeps a domain error its status, code and field, and any other error a bare 500', () => {
    expect(reply(new DomainError('REGISTRATION_CLOSED', 'closed', 409, 'periodId'))).toMatchObject({ status: 409, body: { code: 'REGISTRATION_CLOSED' } });
    expect(reply(new Error('something else'))).toMatchObject({ status: 500, body: { code: 'INTERNAL', message: 'internal error' } });
  });
});
