import { freshSchema, InProcessService, newSkbRules, startInProcess, testKeys } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { OversightController } from '../src/oversight/oversight.controller';
import { SkbConfig } from '../src/skb.config';
import { SkbModule } from '../src/skb.module';
import { http, seedPeriod } from './skb-helpers';

const officer = () => testKeys().mint(randomUUID(), ['skb-officer']);
const admin = () => testKeys().mint(randomUUID(), ['admin']);
const csv = (...lines: string[]) => Buffer.from(['participant_number,component,score', ...lines].join('\n'), 'utf8');

describe(OversightController.name, () => {
  let svc: InProcessService<SkbConfig>;
  beforeAll(async () => {
    await freshSchema('skb');
    svc = await startInProcess({ service: 'skb', configType: SkbConfig, module: (c) => SkbModule.forConfig(c, { processMetrics: false }) });
  }, 90_000);
  afterAll(async () => {
    await svc?.close();
  });

  it("counts each formation's participants, then its finalized outcomes", async () => {
    const { periodId, formations, participants } = await seedPeriod(
      svc,
      [
        { code: 'OC-A', quota: 1, count: 3 },
        { code: 'OC-B', quota: 1, count: 1 },
      ],
      { rules: { ...newSkbRules(), proceedFactor: 1 } },
    );
    const [a, b] = formations;
    const counts = async () => {
      const res = await http(svc, 'GET', `/admin/periods/${periodId}/outcome-counts`, admin());
      expect(res.status).toBe(200);
      return res.body as unknown as Record<string, unknown>[];
    };
    const zero = { finalized: 0, proceeded: 0, passed: 0, failed: 0, absent: 0, disqualified: 0 };
    expect(await counts()).toEqual([
      { formationId: a.formationId, formationCode: 'OC-A', participants: 3, ...zero },
      { formationId: b.formationId, formationCode: 'OC-B', participants: 1, ...zero },
    ]);

    const inA = participants.filter((p) => p.formationId === a.formationId).map((p) => p.participantNumber);
    const inB = participants.filter((p) => p.formationId === b.formationId).map((p) => p.participantNumber);
    // A: one ranked in, one passed behind the cut-off, one absent; B: one failed (CAT below its passing grade).
    const imported = await http(
      svc,
      'POST',
      `/periods/${periodId}/score-imports`,
      officer(),
      csv(`${inA[0]},cat,450`, `${inA[1]},cat,400`, `${inA[2]},cat,TH`, `${inB[0]},cat,100`),
    );
    expect(imported.status).toBe(200);
    for (const n of [inA[0], inA[1], inB[0]]) {
      expect((await http(svc, 'PUT', `/periods/${periodId}/participants/${n}/scores/practical`, officer(), { score: 80 })).status).toBe(200);
    }
    expect((await http(svc, 'POST', `/periods/${periodId}/finalize`, officer())).status).toBe(200);

    expect(await counts()).toEqual([
      { formationId: a.formationId, formationCode: 'OC-A', participants: 3, ...zero, finalized: 3, proceeded: 1, passed: 1, absent: 1 },
      { formationId: b.formationId, formationCode: 'OC-B', participants: 1, ...zero, finalized: 1, failed: 1 },
    ]);
  });

  it('answers an empty list for a period skb has not heard of, and only to admins', async () => {
    const res = await http(svc, 'GET', `/admin/periods/${randomUUID()}/outcome-counts`, admin());
    expect([res.status, res.body]).toEqual([200, []]);
    expect((await http(svc, 'GET', `/admin/periods/${randomUUID()}/outcome-counts`, officer())).status).toBe(403);
  });
});
