import { freshSchema, startInProcess, testKeys } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { InterviewConfig } from '../src/interview.config';
import { InterviewModule } from '../src/interview.module';
import { ViewLogController } from '../src/statistics/view-log.controller';
import { InterviewFixture, KK_KEY } from './interview-fixture';

interface Entry {
  id: string;
  at: string;
  viewerId: string;
  viewerRole: string;
  action: string;
  panelId: string | null;
  applicationIds: string[];
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
}

describe(ViewLogController.name, () => {
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

  it('finds the staff views of candidates by viewer, action, application and time, in keyset pages', async () => {
    const ids = await f.period({ minimumPanelSize: 2 });
    const [p1, p2] = [f.panelist('P1'), f.panelist('P2')];
    const panelId = await f.panel(ids.periodId, [p1, p2]);
    await f.assign(panelId, ids.formationId);
    await f.rubric(ids.formationId);
    const pn = `V-${ids.periodId.slice(0, 8)}`;
    const candidate = await f.candidate(ids, pn);
    const adminId = randomUUID();
    const admin = testKeys().mint(adminId, ['admin']);
    expect((await f.call('GET', `/admin/candidates?periodId=${ids.periodId}`, admin)).status).toBe(200);
    expect((await f.call('GET', `/admin/candidates/${candidate.applicationId}`, admin)).status).toBe(200);
    expect((await f.call('GET', f.path(panelId, pn), p1.token)).status).toBe(200);

    const search = (query: string) => f.call<Page>('GET', `/admin/view-log?${query}`, f.admin);
    const byAdmin = await search(`viewerId=${adminId}`);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.items.map((e) => [e.action, e.viewerRole, e.applicationIds])).toEqual([
      ['LIST_CANDIDATES', 'admin', [candidate.applicationId]],
      ['VIEW_CANDIDATE', 'admin', [candidate.applicationId]],
    ]);
    const ofCandidate = await search(`applicationId=${candidate.applicationId}&action=VIEW_CANDIDATE`);
    expect(ofCandidate.body.items.map((e) => e.viewerId)).toEqual([adminId, p1.id]);
    expect(ofCandidate.body.items[1]).toMatchObject({ viewerRole: 'panelist', panelId });

    const first = await search(`applicationId=${candidate.applicationId}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const rest = await search(`applicationId=${candidate.applicationId}&limit=2&cursor=${first.body.nextCursor as string}`);
    expect(rest.body).toEqual({ items: [expect.objectContaining({ viewerId: p1.id })], nextCursor: null });

    const at = Date.parse(byAdmin.body.items[0].at);
    const iso = (ms: number) => encodeURIComponent(new Date(ms).toISOString());
    expect((await search(`viewerId=${adminId}&from=${iso(at)}&to=${iso(at + 1)}`)).body.items.map((e) => e.action)).toContain('LIST_CANDIDATES');
    expect((await search(`viewerId=${adminId}&to=${iso(at)}`)).body.items).toEqual([]);
  });

  it('refuses a backwards time range, an unknown action, and everyone but an admin', async () => {
    expect(await f.call('GET', '/admin/view-log?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', f.admin)).toMatchObject({
      status: 400,
      body: { code: 'INVALID_TIME_RANGE', field: 'from' },
    });
    expect((await f.call('GET', '/admin/view-log?action=EDIT', f.admin)).status).toBe(400);
    expect((await f.call('GET', '/admin/view-log', f.panelist().token)).status).toBe(403);
  });
});
