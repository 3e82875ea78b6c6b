import { freshSchema, InProcessService, startInProcess, testKeys } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { SkbConfig } from '../src/skb.config';
import { SkbModule } from '../src/skb.module';
import { http, seedPeriod } from './skb-helpers';

const csv = (...lines: string[]) => Buffer.from(['participant_number,component,score', ...lines].join('\n'), 'utf8');

/** What the SKB officer's workspace reads back: the period's state, venues, sessions, the grid, the last import, the distribution. */
describe('the SKB workspace reads', () => {
  let svc: InProcessService<SkbConfig>;
  const officerId = randomUUID();
  const officer = testKeys().mint(officerId, ['skb-officer']);

  beforeAll(async () => {
    await freshSchema('skb');
    svc = await startInProcess({ service: 'skb', configType: SkbConfig, module: (c) => SkbModule.forConfig(c, { processMetrics: false }) });
  }, 90_000);

  afterAll(async () => {
    await svc?.close();
  });

  it('reads a period from its first venue to the distribution of its final results, the refused import included', async () => {
    const { periodId, participants } = await seedPeriod(svc, [
      { code: 'WS-A', quota: 1, count: 4 },
      { code: 'WS-B', quota: 1, count: 1 },
    ]);
    const [p1, p2, p3, p4, q1] = participants.map((p) => p.participantNumber);
    const overview = async () => (await http(svc, 'GET', `/periods/${periodId}`, officer)).body;

    expect(await overview()).toMatchObject({
      participants: 5,
      venues: 0,
      sessions: 0,
      capacity: 0,
      seated: 0,
      complete: 0,
      allocationPublishedAt: null,
      finalizedAt: null,
    });
    expect(((await overview()).components as { component: string; source: string }[]).map((c) => `${c.component}:${c.source}`)).toEqual([
      'cat:IMPORT',
      'practical:MANUAL',
    ]);
    const listed = await http(svc, 'GET', '/periods', officer);
    expect((listed.body as unknown as { periodId: string }[]).some((p) => p.periodId === periodId)).toBe(true);

    // Venues and sessions, as created and listed.
    const venue = {
      name: 'UPT CAT Kota',
      address: 'Jl. Merdeka 1',
      rooms: [
        { name: 'Ruang 2', capacity: 2 },
        { name: 'Ruang 1', capacity: 2 },
      ],
    };
    expect((await http(svc, 'POST', `/periods/${periodId}/venues`, officer, venue)).status).toBe(201);
    for (const [name, startTime] of [
      ['Sesi 2', '13:00'],
      ['Sesi 1', '08:00'],
    ])
      expect((await http(svc, 'POST', `/periods/${periodId}/sessions`, officer, { name, date: '2027-01-11', startTime, durationMinutes: 90 })).status).toBe(
        201,
      );
    const venues = await http(svc, 'GET', `/periods/${periodId}/venues`, officer);
    expect(venues.body).toEqual([
      expect.objectContaining({
        name: 'UPT CAT Kota',
        rooms: [
          { name: 'Ruang 1', capacity: 2 },
          { name: 'Ruang 2', capacity: 2 },
        ],
      }),
    ]);
    const sessions = (await http(svc, 'GET', `/periods/${periodId}/sessions`, officer)).body as unknown as { name: string; startsAtLocal: string }[];
    expect(sessions.map((s) => `${s.name} ${s.startsAtLocal}`)).toEqual(['Sesi 1 11 January 2027, 08:00 WIB', 'Sesi 2 11 January 2027, 13:00 WIB']);
    expect((await http(svc, 'POST', `/periods/${periodId}/allocation`, officer)).status).toBe(200);
    expect(await overview()).toMatchObject({ venues: 1, sessions: 2, capacity: 8, seated: 5, allocationPublishedAt: null });

    // A refused import is kept with its report; the grid stays empty.
    expect((await http(svc, 'GET', `/periods/${periodId}/score-imports/latest`, officer)).body.code).toBe('NO_IMPORT_YET');
    const bad = await http(svc, 'POST', `/periods/${periodId}/score-imports`, officer, csv(`${p1},cat,450`, 'NOBODY-1,cat,400'));
    expect([bad.status, bad.body.code]).toEqual([422, 'CSV_REJECTED']);
    const refused = await http(svc, 'GET', `/periods/${periodId}/score-imports/latest`, officer);
    expect(refused.body).toMatchObject({
      outcome: 'REJECTED',
      code: 'CSV_REJECTED',
      rows: 0,
      errorCount: 1,
      errors: [{ line: 3, participantNumber: 'NOBODY-1', field: 'participant_number', code: 'UNKNOWN_PARTICIPANT' }],
    });
    const empty = await http(svc, 'GET', `/periods/${periodId}/score-sheet`, officer);
    expect(empty.body.total).toBe(5);
    expect((empty.body.items as unknown as { scores: unknown[] }[]).every((r) => r.scores.length === 0)).toBe(true);

    const good = await http(
      svc,
      'POST',
      `/periods/${periodId}/score-imports`,
      officer,
      csv(`${p1},cat,450`, `${p2},cat,400`, `${p3},cat,300`, `${p4},cat,200`, `${q1},cat,TH`),
    );
    expect(good.status).toBe(200);
    expect((await http(svc, 'GET', `/periods/${periodId}/score-imports/latest`, officer)).body).toMatchObject({
      outcome: 'APPLIED',
      code: null,
      rows: 5,
      errorCount: 0,
      errors: [],
    });
    for (const [n, score] of [
      [p1, 90],
      [p2, 80],
      [p3, 70],
      [p4, 50],
    ] as const)
      expect((await http(svc, 'PUT', `/periods/${periodId}/participants/${n}/scores/practical`, officer, { score })).status).toBe(200);
    const sheet = await http(svc, 'GET', `/periods/${periodId}/score-sheet?limit=2&offset=3`, officer);
    expect(sheet.body).toEqual({
      total: 5,
      items: [
        {
          participantNumber: p4,
          formationCode: 'WS-A',
          attendance: null,
          scores: [
            { component: 'cat', value: 200 },
            { component: 'practical', value: 50 },
          ],
        },
        { participantNumber: q1, formationCode: 'WS-B', attendance: 'TH', scores: [] },
      ],
    });
    expect((await overview()).complete).toBe(5);

    // The distribution exists once final: counts per outcome and 10-point bands, no person.
    expect((await http(svc, 'GET', `/periods/${periodId}/results/distribution`, officer)).body.code).toBe('RESULTS_NOT_FINAL');
    expect((await http(svc, 'POST', `/periods/${periodId}/finalize`, officer)).status).toBe(200);
    const distribution = await http(svc, 'GET', `/periods/${periodId}/results/distribution`, officer);
    expect(distribution.status).toBe(200);
    const [a, b] = distribution.body.formations as unknown as {
      formationCode: string;
      participants: number;
      outcomes: object;
      bands: { from: number; participants: number }[];
      meanTotal: number | null;
    }[];
    expect([a.formationCode, a.participants, a.outcomes, a.meanTotal]).toEqual(['WS-A', 4, { 'P/L': 3, P: 0, TL: 1, TH: 0, DIS: 0 }, 69.5]);
    expect(a.bands.filter((band) => band.participants > 0).map((band) => band.from)).toEqual([40, 60, 80, 90]);
    expect([b.formationCode, b.participants, b.outcomes, b.meanTotal, b.bands.every((band) => band.participants === 0)]).toEqual([
      'WS-B',
      1,
      { 'P/L': 0, P: 0, TL: 0, TH: 1, DIS: 0 },
      null,
      true,
    ]);
    expect((await overview()).finalizedAt).toEqual(expect.any(String));
    expect(JSON.stringify(distribution.body)).not.toContain('Peserta');
  });
});
