/** Screening through its own API: verifiers, their bulk decisions, the announcement and the finalization. */
import { randomUUID } from 'node:crypto';
import { call, epochMs, expectStatus, pool } from './http';
import { StageSpec } from './measure';

const BULK_MAX = 10_000;

export interface Verifier {
  id: string;
  token: string;
}

/** Registers verifiers once screening has heard of the period (intake assigns cases to them). */
export async function registerVerifiers(screening: string, admin: string, periodId: string, count: number, mint: (id: string) => string): Promise<Verifier[]> {
  const verifiers: Verifier[] = [];
  for (let i = 0; i < count; i += 1) {
    const id = randomUUID();
    // Staff KK numbers from a region no seeded applicant comes from, so no case is recused for family.
    const kkNumber = `8801${String(i).padStart(12, '0')}`;
    for (let attempt = 0; ; attempt += 1) {
      const res = await call(screening, 'POST', `/periods/${periodId}/verifiers`, {
        token: admin,
        json: { accountId: id, name: `Verifikator ${i + 1}`, kkNumber },
      });
      if (res.status === 201) break;
      if (res.status !== 404 || attempt > 120) expectStatus(res, 201, 'register verifier');
      await new Promise((r) => setTimeout(r, 500));
    }
    verifiers.push({ id, token: mint(id) });
  }
  return verifiers;
}

/** Each verifier reads their whole queue and decides it in bulk: the recommendation, TMS with the GPA reason. */
export function decisionsStage(screening: string, verifiers: Verifier[]): StageSpec {
  return {
    stage: 'screening: bulk decisions',
    event: 'ScreeningDecided',
    consumer: 'registration',
    timeoutMs: 30 * 60_000,
    async run() {
      const decidedAt = new Map<string, number>();
      let calls = 0;
      await pool(verifiers, 4, async (v) => {
        const ms: string[] = [];
        const tms: string[] = [];
        let cursor: string | null = null;
        do {
          const page = expectStatus(
            await call(screening, 'GET', `/cases/queue?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: v.token }),
            200,
            'queue',
          ).body as { items: { applicationId: string; recommendation: string | null }[]; nextCursor: string | null };
          calls += 1;
          for (const item of page.items) (item.recommendation === 'TMS' ? tms : ms).push(item.applicationId);
          cursor = page.nextCursor;
        } while (cursor);
        for (const [ids, decision] of [
          [ms, { result: 'MS' }],
          [tms, { result: 'TMS', reasonCodes: ['GPA_BELOW_MINIMUM'] }],
        ] as const) {
          for (let start = 0; start < ids.length; start += BULK_MAX) {
            const chunk = ids.slice(start, start + BULK_MAX);
            const res = expectStatus(
              await call(screening, 'POST', '/cases/decisions', { token: v.token, json: { applicationIds: chunk, ...decision } }),
              200,
              'bulk decision',
            );
            calls += 1;
            for (const id of chunk) decidedAt.set(id, epochMs(res.at));
          }
        }
      });
      return {
        httpCalls: calls,
        issuedAt: (key) => decidedAt.get(key),
        notes: [`${verifiers.length} verifiers, queue pages of 500, bulk decisions of up to ${BULK_MAX}`],
      };
    },
  };
}

/**
 * A stage driven by a few period-wide calls in order (announce, finalize, rank-propose-confirm);
 * every event it causes is timed from the response of the last call.
 */
export function periodCallsStage(o: {
  stage: string;
  base: string;
  calls: { path: string; token: string }[];
  event: StageSpec['event'];
  consumer: StageSpec['consumer'];
  /** Retry a call refused with 409 HANDOVER_* (the previous stage's closing count or results still in flight). */
  awaitHandover?: boolean;
}): StageSpec {
  return {
    stage: o.stage,
    event: o.event,
    consumer: o.consumer,
    timeoutMs: 30 * 60_000,
    async run() {
      let at = 0;
      const notes: string[] = [];
      for (const c of o.calls) {
        let reply = await call(o.base, 'POST', c.path, { token: c.token });
        while (o.awaitHandover && reply.status === 409 && String((reply.body as { code?: string })?.code).startsWith('HANDOVER_')) {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          reply = await call(o.base, 'POST', c.path, { token: c.token });
        }
        const res = expectStatus(reply, [200, 201], `${o.stage}: POST ${c.path}`);
        at = epochMs(res.at);
        notes.push(`POST ${c.path.replace(/[0-9a-f-]{36}/, ':periodId')} ${res.ms.toFixed(0)} ms`);
      }
      return { httpCalls: o.calls.length, issuedAt: () => at, notes };
    },
  };
}
