import { idDigest, validatePayloadOfType } from '@seleksi/contracts';
import { freshSchema, InProcessService, newIds, newPayload, newSkbRules, publishEvent, startInProcess, testKafka, testKeys, waitFor } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { SkbConfig } from '../src/skb.config';
import { SkbModule } from '../src/skb.module';
import { handOver, http, participantsOf, publishedFor, seedPeriod } from './skb-helpers';

const HEADER = 'participant_number,component,score';
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'), 'utf8');
const officer = () => testKeys().mint(randomUUID(), ['skb-officer']);

describe(SkbModule.name, () => {
  let svc: InProcessService<SkbConfig>;
  const scoreCount = async () => ((await svc.dataSource.query(`SELECT count(*)::int AS n FROM skb.scores`)) as { n: number }[])[0].n;

  beforeAll(async () => {
    await freshSchema('skb');
    svc = await startInProcess({
      service: 'skb',
      configType: SkbConfig,
      module: (c) => SkbModule.forConfig(c, { processMetrics: false }),
      env: { HTTP_BODY_LIMIT_BYTES: String(64 * 1024), SKB_IMPORT_MAX_ROWS: '200' },
    });
  }, 90_000);

  afterAll(async () => {
    await svc?.close();
  });

  describe('participants', () => {
    it('makes one numbered participant per MS application, once, and none for TMS', async () => {
      const { periodId, participants, formations } = await seedPeriod(svc, [{ code: 'PK-AP-01', quota: 2, count: 3 }]);
      expect(participants.map((p) => p.participantNumber)).toEqual(['PK-AP-01-00001', 'PK-AP-01-00002', 'PK-AP-01-00003']);
      const kafka = testKafka();
      const ids = newIds({ periodId, formationId: formations[0].formationId });
      await publishEvent(
        kafka,
        svc.topicPrefix,
        'ScreeningFinalized',
        newPayload('ScreeningFinalized', ids, { result: 'TMS', reasons: [{ code: 'GPA', label: 'IPK di bawah minimum' }] }),
      );
      // The same application finalized again (another event id) stays one participant with one number.
      const again = newIds({ periodId, formationId: formations[0].formationId, applicationId: participants[0].applicationId });
      await publishEvent(kafka, svc.topicPrefix, 'ScreeningFinalized', newPayload('ScreeningFinalized', again));
      const marker = newIds({ periodId, formationId: formations[0].formationId });
      await publishEvent(kafka, svc.topicPrefix, 'ScreeningFinalized', newPayload('ScreeningFinalized', marker));
      const after = await waitFor('the marker participant', async () => {
        const rows = await participantsOf(svc, periodId);
        return rows.length === 4 ? rows : undefined;
      });
      expect(after.map((p) => p.participantNumber)).toEqual(['PK-AP-01-00001', 'PK-AP-01-00002', 'PK-AP-01-00003', 'PK-AP-01-00004']);
      expect(after.some((p) => p.applicationId === ids.applicationId)).toBe(false);
    });

    it('hands out gap-free, unique numbers when many participants of one formation arrive at once', async () => {
      // Keyed by application, the events spread over partitions that are consumed concurrently.
      const { participants } = await seedPeriod(svc, [{ code: 'RACE-01', quota: 5, count: 24 }]);
      expect(participants.map((p) => p.participantNumber)).toEqual(Array.from({ length: 24 }, (_, i) => `RACE-01-${String(i + 1).padStart(5, '0')}`));
    });

    it('numbers participants whose formation is published after them', async () => {
      const kafka = testKafka();
      const ids = newIds();
      await publishEvent(kafka, svc.topicPrefix, 'ScreeningFinalized', newPayload('ScreeningFinalized', ids));
      await waitFor('the unnumbered participant', async () => (await participantsOf(svc, ids.periodId)).length === 1);
      await publishEvent(kafka, svc.topicPrefix, 'FormationPublished', newPayload('FormationPublished', ids, { code: 'LATE-01' }));
      await waitFor('its number', async () => (await participantsOf(svc, ids.periodId))[0].participantNumber === 'LATE-01-00001');
    });
  });

  describe('score import', () => {
    it('applies a good file whole and emits SkbScoresRecorded per changed participant', async () => {
      const { periodId, participants } = await seedPeriod(svc, [{ code: 'IMP-A', quota: 1, count: 3 }]);
      const [a, b, c] = participants.map((p) => p.participantNumber);
      const res = await http(svc, 'POST', `/periods/${periodId}/score-imports`, officer(), csv(`${a},cat,412.5`, `${b},cat,TH`, `${c},cat,300`));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ rows: 3, scoresChanged: 2, participantsChanged: 3 });
      const stored: { participant_number: string; value: string | null; attendance: string | null }[] = await svc.dataSource.query(
        `SELECT p.participant_number, s.value, p.attendance FROM skb.participants p LEFT JOIN skb.scores s ON s.application_id = p.application_id
          WHERE p.period_id = $1 ORDER BY 1`,
        [periodId],
      );
      // Absence is recorded as TH, never as a zero score.
      expect(stored).toEqual([
        { participant_number: a, value: '412.5', attendance: null },
        { participant_number: b, value: null, attendance: 'TH' },
        { participant_number: c, value: '300', attendance: null },
      ]);
      const events = await publishedFor(svc, 'SkbScoresRecorded', periodId, 3);
      for (const e of events) validatePayloadOfType(e.type, e.data);
      expect(
        events
          .map((e) => e.data)
          .sort((x, y) => ((x as { participantNumber: string }).participantNumber < (y as { participantNumber: string }).participantNumber ? -1 : 1)),
      ).toEqual([
        expect.objectContaining({ participantNumber: a, attendance: 'SCORED', scores: [{ component: 'cat', value: 412.5 }] }),
        expect.objectContaining({ participantNumber: b, attendance: 'TH', scores: [] }),
        expect.objectContaining({ participantNumber: c, attendance: 'SCORED', scores: [{ component: 'cat', value: 300 }] }),
      ]);
      const again = await http(svc, 'POST', `/periods/${periodId}/score-imports`, officer(), csv(`${a},cat,412.5`, `${b},cat,TH`, `${c},cat,300`));
      expect(again.body).toMatchObject({ rows: 3, scoresChanged: 0, participantsChanged: 0 });

      // A corrected file: only the changed score is written, and only its participant hears of it.
      const corrected = await http(svc, 'POST', `/periods/${periodId}/score-imports`, officer(), csv(`${a},cat,412.5`, `${c},cat,310`));
      expect(corrected.body).toMatchObject({ rows: 2, scoresChanged: 1, participantsChanged: 1 });
      const [cNow]: { value: string }[] = await svc.dataSource.query(
        `SELECT s.value FROM skb.scores s JOIN skb.participants p ON p.application_id = s.application_id WHERE p.period_id = $1 AND p.participant_number = $2`,
        [periodId, c],
      );
      expect(cNow.value).toBe('310');
      const later = (await publishedFor(svc, 'SkbScoresRecorded', periodId, 4)).filter((e) => !events.some((x) => x.id === e.id));
      expect(later.map((e) => e.data)).toEqual([expect.objectContaining({ participantNumber: c, scores: [{ component: 'cat', value: 310 }] })]);
    });

    it('imports nothing from a file with any bad row, and reports every bad row by line', async () => {
      const { periodId, participants } = await seedPeriod(svc, [{ code: 'IMP-B', quota: 1, count: 3 }]);
      const other = await seedPeriod(svc, [{ code: 'IMP-X', quota: 1, count: 1 }]);
      const [a, b, c] = participants.map((p) => p.participantNumber);
      const before = await scoreCount();
      const res = await http(
        svc,
        'POST',
        `/periods/${periodId}/score-imports`,
        officer(),
        csv(
          `${a},cat,400`, // 2 good
          `${b},cat,501`, // 3 out of range
          `${a},cat,380`, // 4 duplicate of line 2
          `NOPE-00001,cat,300`, // 5 unknown participant
          `${other.participants[0].participantNumber},cat,300`, // 6 another period
          `${b},,300`, // 7 missing component
          `${b},wawancara,300`, // 8 unknown component
          `${c},cat,abc`, // 9 not numeric
          `${b},cat,=SUM(A1:A9)`, // 10 formula
          `${b},cat`, // 11 column count
          `${b},practical,80`, // 12 manual component
        ),
      );
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('CSV_REJECTED');
      expect((res.body.errors as { line: number; code: string }[]).map((e) => [e.line, e.code])).toEqual([
        [3, 'SCORE_OUT_OF_RANGE'],
        [4, 'DUPLICATE_ROW'],
        [5, 'UNKNOWN_PARTICIPANT'],
        [6, 'PARTICIPANT_OF_ANOTHER_PERIOD'],
        [7, 'MISSING_COMPONENT'],
        [8, 'UNKNOWN_COMPONENT'],
        [9, 'NOT_NUMERIC'],
        [10, 'FORMULA_CELL'],
        [11, 'WRONG_COLUMN_COUNT'],
        [12, 'COMPONENT_NOT_IMPORTED'],
      ]);
      expect(await scoreCount()).toBe(before);
    });

    it('rolls back a file whose only bad rows name participants not in the period', async () => {
      // Rows good by themselves go straight to the statement that writes; its unknown numbers undo it all.
      const { periodId, participants } = await seedPeriod(svc, [{ code: 'IMP-E', quota: 1, count: 2 }]);
      const other = await seedPeriod(svc, [{ code: 'IMP-Y', quota: 1, count: 1 }]);
      const [a, b] = participants.map((p) => p.participantNumber);
      const before = await scoreCount();
      const res = await http(
        svc,
        'POST',
        `/periods/${periodId}/score-imports`,
        officer(),
        csv(`${a},cat,400`, `NOPE-00002,cat,300`, `${b},cat,DIS`, `${other.participants[0].participantNumber},cat,TH`),
      );
      expect([res.status, res.body.code, res.body.errorCount]).toEqual([422, 'CSV_REJECTED', 2]);
      expect((res.body.errors as { line: number; code: string }[]).map((e) => [e.line, e.code])).toEqual([
        [3, 'UNKNOWN_PARTICIPANT'],
        [5, 'PARTICIPANT_OF_ANOTHER_PERIOD'],
      ]);
      expect(await scoreCount()).toBe(before);
      const marked: unknown[] = await svc.dataSource.query(`SELECT 1 FROM skb.participants WHERE period_id = ANY($1::uuid[]) AND attendance IS NOT NULL`, [
        [periodId, other.periodId],
      ]);
      const events: unknown[] = await svc.dataSource.query(`SELECT 1 FROM skb.outbox WHERE payload ->> 'periodId' = $1`, [periodId]);
      expect([marked.length, events.length]).toEqual([0, 0]);
    });

    it.each([
      ['a wrong header', Buffer.from('nomor,komponen,nilai\nX,cat,1'), 422, 'CSV_HEADER'],
      ['a file that is not UTF-8', Buffer.from(`${HEADER}\nX-1,cat,1\nJos\xe9,cat,1`, 'latin1'), 422, 'CSV_ENCODING'],
      ['more rows than SKB_IMPORT_MAX_ROWS', csv(...Array.from({ length: 201 }, (_, i) => `X-${i},cat,1`)), 413, 'CSV_TOO_MANY_ROWS'],
      ['a body over HTTP_BODY_LIMIT_BYTES', csv(...Array.from({ length: 190 }, (_, i) => `X-${i},cat,${'1'.repeat(400)}`)), 413, undefined],
    ])('refuses %s and imports nothing', async (_what, body, status, code) => {
      const { periodId } = await seedPeriod(svc, [{ code: 'IMP-C', quota: 1, count: 1 }]);
      const before = await scoreCount();
      const res = await http(svc, 'POST', `/periods/${periodId}/score-imports`, officer(), body);
      expect(res.status).toBe(status);
      if (code) expect(res.body.code).toBe(code);
      expect(await scoreCount()).toBe(before);
    });

    it('refuses an import for a period it has not heard of, and callers without the role', async () => {
      expect((await http(svc, 'POST', `/periods/${randomUUID()}/score-imports`, officer(), csv('X-1,cat,1'))).status).toBe(404);
      const { periodId } = await seedPeriod(svc, [{ code: 'IMP-D', quota: 1, count: 1 }]);
      expect((await http(svc, 'POST', `/periods/${periodId}/score-imports`, undefined, csv('X-1,cat,1'))).status).toBe(401);
      const applicant = testKeys().mint(randomUUID(), ['applicant']);
      expect((await http(svc, 'POST', `/periods/${periodId}/score-imports`, applicant, csv('X-1,cat,1'))).status).toBe(403);
      const admin = testKeys().mint(randomUUID(), ['admin']);
      expect((await http(svc, 'POST', `/periods/${periodId}/score-imports`, admin, csv('NOPE-1,cat,1'))).status).toBe(422);
    });
  });

  describe('practical scores and attendance', () => {
    it('records a practical score and refuses one out of range or for an imported component', async () => {
      const { periodId, participants } = await seedPeriod(svc, [{ code: 'PRK-A', quota: 1, count: 1 }]);
      const n = participants[0].participantNumber;
      const ok = await http(svc, 'PUT', `/periods/${periodId}/participants/${n}/scores/practical`, officer(), { score: 77 });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ changed: true });
      const high = await http(svc, 'PUT', `/periods/${periodId}/participants/${n}/scores/practical`, officer(), { score: 101 });
      expect([high.status, high.body.code, high.body.field]).toEqual([422, 'SCORE_OUT_OF_RANGE', 'score']);
      const cat = await http(svc, 'PUT', `/periods/${periodId}/participants/${n}/scores/cat`, officer(), { score: 1 });
      expect([cat.status, cat.body.code]).toEqual([422, 'COMPONENT_NOT_MANUAL']);
      const missing = await http(svc, 'PUT', `/periods/${periodId}/participants/NOPE-1/scores/practical`, officer(), { score: 1 });
      expect([missing.status, missing.body.code]).toEqual([404, 'PARTICIPANT_NOT_FOUND']);
      const text = await http(svc, 'PUT', `/periods/${periodId}/participants/${n}/scores/practical`, officer(), { score: 'delapan' });
      expect([text.status, text.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('finalize', () => {
    it('refuses while a participant of a formation not yet published has no number, and writes no result', async () => {
      const { periodId, participants } = await seedPeriod(svc, [{ code: 'FIN-U', quota: 1, count: 2 }], { handOver: false });
      const lines = participants.map((p) => `${p.participantNumber},cat,400`);
      expect((await http(svc, 'POST', `/periods/${periodId}/score-imports`, officer(), csv(...lines))).status).toBe(200);
      for (const p of participants) {
        expect((await http(svc, 'PUT', `/periods/${periodId}/participants/${p.participantNumber}/scores/practical`, officer(), { score: 80 })).status).toBe(
          200,
        );
      }
      // A third participant arrives for a formation skb has not heard of: no number yet.
      const stray = newIds({ periodId });
      await publishEvent(testKafka(), svc.topicPrefix, 'ScreeningFinalized', newPayload('ScreeningFinalized', stray, { applicantId: randomUUID() }));
      await waitFor('the unnumbered participant', async () => (await participantsOf(svc, periodId)).length === 3);
      const counted = [...participants, stray];
      await handOver(svc, periodId, [...new Set(counted.map((p) => p.formationId))], counted);

      const refused = await http(svc, 'POST', `/periods/${periodId}/finalize`, officer());
      expect([refused.status, refused.body.code, refused.body.unnumbered, refused.body.unscored]).toEqual([409, 'SCORES_INCOMPLETE', 1, 1]);
      const written: unknown[] = await svc.dataSource.query(`SELECT 1 FROM skb.results WHERE period_id = $1`, [periodId]);
      const events: unknown[] = await svc.dataSource.query(
        `SELECT 1 FROM skb.outbox WHERE event_type LIKE '%.SkbResultFinalized.%' AND payload ->> 'periodId' = $1`,
        [periodId],
      );
      expect([written.length, events.length]).toEqual([0, 0]);
    });

    it('ranks, lets ties at the cut-off proceed, records TH and DIS, and emits SkbResultFinalized', async () => {
      const rules = { ...newSkbRules(), proceedFactor: 1 };
      const { periodId, participants } = await seedPeriod(svc, [{ code: 'FIN-A', quota: 2, count: 6 }], { rules });
      const [p1, p2, p3, p4, p5, p6] = participants.map((p) => p.participantNumber);
      const imported = await http(
        svc,
        'POST',
        `/periods/${periodId}/score-imports`,
        officer(),
        csv(`${p1},cat,450`, `${p2},cat,400`, `${p3},cat,400`, `${p4},cat,300`, `${p5},cat,TH`, `${p6},cat,480`),
      );
      expect(imported.status).toBe(200);
      const early = await http(svc, 'POST', `/periods/${periodId}/finalize`, officer());
      expect([early.status, early.body.code, early.body.unscored]).toEqual([409, 'SCORES_INCOMPLETE', 5]);
      const admin = testKeys().mint(randomUUID(), ['admin']);
      expect((await http(svc, 'GET', `/periods/${periodId}/reconciliation`, officer())).status).toBe(403);
      const waiting = await http(svc, 'GET', `/periods/${periodId}/reconciliation`, admin);
      expect(waiting.status).toBe(200);
      expect(waiting.body).toMatchObject({
        stage: 'skb',
        handover: { received: true, expected: 6, missing: 0, complete: true, differences: [] },
        formations: [{ formationCode: 'FIN-A', expected: 6, received: 6, seated: 0, scored: 1, handedOn: 0, proceeding: 0 }],
      });
      expect((waiting.body.stuck as { reason: string; waitingOn: string }[]).map((x) => [x.reason, x.waitingOn])).toEqual(
        Array(5).fill(['AWAITING_SCORES', 'skb-officer']),
      );
      for (const [n, s] of [
        [p1, 90],
        [p2, 80],
        [p3, 80],
        [p4, 70],
        [p6, 95],
      ] as const) {
        expect((await http(svc, 'PUT', `/periods/${periodId}/participants/${n}/scores/practical`, officer(), { score: s })).status).toBe(200);
      }
      expect((await http(svc, 'PUT', `/periods/${periodId}/participants/${p6}/attendance`, officer(), { attendance: 'DIS' })).status).toBe(200);
      const done = await http(svc, 'POST', `/periods/${periodId}/finalize`, officer());
      expect(done.status).toBe(200);
      expect(done.body).toMatchObject({ participants: 6, formations: 1, outcomes: { 'P/L': 3, P: 1, TL: 0, TH: 1, DIS: 1 } });
      const second = await http(svc, 'POST', `/periods/${periodId}/finalize`, officer());
      expect([second.status, second.body.code]).toEqual([409, 'ALREADY_FINALIZED']);
      expect(second.body.message).toMatch(/finalized at \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} WI(B|TA|T)$/);
      const lateImport = await http(svc, 'POST', `/periods/${periodId}/score-imports`, officer(), csv(`${p4},cat,350`));
      expect([lateImport.status, lateImport.body.code]).toEqual([409, 'SKB_FINALIZED']);

      const events = await publishedFor(svc, 'SkbResultFinalized', periodId, 6);
      for (const e of events) validatePayloadOfType(e.type, e.data);
      // The closing count after them: every result, and the three that go on to the interview.
      const [closing] = await publishedFor(svc, 'SkbPeriodFinalized', periodId, 1);
      validatePayloadOfType(closing.type, closing.data);
      const formationId = participants[0].formationId;
      const ofOutcome = (...o: string[]) => events.filter((e) => o.includes((e.data as { outcome: string }).outcome)).map((e) => e.subject!);
      expect(closing.data).toMatchObject({
        results: 6,
        proceeding: 3,
        resultsByFormation: [{ formationId, count: 6, digest: idDigest(events.map((e) => e.subject!)) }],
        proceedingByFormation: [{ formationId, count: 3, digest: idDigest(ofOutcome('P/L')) }],
      });
      const reconciled = await http(svc, 'GET', `/periods/${periodId}/reconciliation`, admin);
      expect(reconciled.body).toMatchObject({ formations: [{ received: 6, scored: 6, handedOn: 6, proceeding: 3 }], stuck: [] });
      const byNumber = new Map(events.map((e) => [(e.data as { participantNumber: string }).participantNumber, e.data as Record<string, unknown>]));
      const pick = (n: string) => {
        const d = byNumber.get(n) as Record<string, unknown>;
        return [d.outcome, d.total, d.rank, d.proceeds];
      };
      expect(pick(p1)).toEqual(['P/L', 90, 1, true]);
      expect(pick(p2)).toEqual(['P/L', 80, 2, true]);
      expect(pick(p3)).toEqual(['P/L', 80, 2, true]); // tied at the cut-off of 1 × 2
      expect(pick(p4)).toEqual(['P', 64, 4, false]);
      expect(pick(p5)).toEqual(['TH', null, null, false]);
      expect(pick(p6)).toEqual(['DIS', null, null, false]);
      const first = participants[0];
      expect(byNumber.get(p1)).toMatchObject({
        applicantId: first.applicantId,
        gpa: 3.41,
        dateOfBirth: '1998-04-12',
        components: [
          { component: 'cat', value: 450 },
          { component: 'practical', value: 90 },
        ],
      });

      const mine = await http(svc, 'GET', `/me/periods/${periodId}/result`, testKeys().mint(first.applicantId, ['applicant']));
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({
        participantNumber: p1,
        outcome: 'P/L',
        total: 90,
        rank: 1,
        components: [
          { component: 'cat', value: 450 },
          { component: 'practical', value: 90 },
        ],
      });
      const stranger = await http(svc, 'GET', `/me/periods/${periodId}/result`, testKeys().mint(randomUUID(), ['applicant']));
      expect(stranger.status).toBe(404);
    });
  });
});
