import { freshSchema, startInProcess } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { InterviewConfig } from '../src/interview.config';
import { InterviewModule } from '../src/interview.module';
import { InterviewCountsController } from '../src/statistics/interview-counts.controller';
import { InterviewFixture, KK_KEY } from './interview-fixture';

describe(InterviewCountsController.name, () => {
  let f: InterviewFixture;

  beforeAll(async () => {
    await freshSchema('interview');
    const svc = await startInProcess({
      service: 'interview',
      configType: InterviewConfig,
      module: (c) => InterviewModule.forConfig(c, { processMetrics: false }),
      env: { KK_DIGEST_KEY: KK_KEY, OUTBOX_POLL_MS: '50' },
    });
    f = new InterviewFixture(svc);
  }, 90_000);
  afterAll(() => f.svc.close());

  it("counts a formation's candidates, those interviewed and those absent", async () => {
    const ids = await f.period({ minimumPanelSize: 2 });
    const [p1, p2] = [f.panelist('P1'), f.panelist('P2')];
    const panelId = await f.panel(ids.periodId, [p1, p2]);
    await f.assign(panelId, ids.formationId);
    await f.rubric(ids.formationId);
    const [a, b, c] = ['A', 'B', 'C'].map((x) => `${x}-${ids.periodId.slice(0, 8)}`);
    for (const pn of [a, b, c]) await f.candidate(ids, pn);
    const counts = () => f.call('GET', `/admin/interview-counts?periodId=${ids.periodId}`, f.admin);
    expect(await counts()).toEqual({ status: 200, body: [{ formationId: ids.formationId, candidates: 3, interviewed: 0, absent: 0 }] });

    await f.score(p1, panelId, a, 4, 4);
    await f.score(p2, panelId, a, 4, 3);
    expect((await f.call('POST', f.path(panelId, a, '/finalize'), p1.token)).status).toBe(200);
    expect((await f.call('POST', f.path(panelId, b, '/absent'), p1.token)).status).toBe(200);

    expect(await counts()).toEqual({ status: 200, body: [{ formationId: ids.formationId, candidates: 3, interviewed: 1, absent: 1 }] });
  });

  it('refuses a period it has not heard of, and everyone but an admin', async () => {
    expect(await f.call('GET', `/admin/interview-counts?periodId=${randomUUID()}`, f.admin)).toMatchObject({ status: 404, body: { code: 'PERIOD_UNKNOWN' } });
    expect((await f.call('GET', `/admin/interview-counts?periodId=${randomUUID()}`, f.panelist().token)).status).toBe(403);
  });
});
