/** Interview through its own API: rubrics and panels (admin), then every candidate scored and finalized by their panel. */
import { randomUUID } from 'node:crypto';
import { POSITIONS } from './submission';
import { call, epochMs, expectStatus, pool } from './http';
import { StageSpec } from './measure';

const CRITERIA = [
  { key: 'teknis', label: 'Kompetensi teknis', weight: 60 },
  { key: 'komunikasi', label: 'Komunikasi', weight: 40 },
];

export interface Panelist {
  id: string;
  token: string;
}

/** A rubric per position and `panels` one-member panels sharing the formations round-robin. */
export async function setUpPanels(
  interview: string,
  admin: string,
  o: { periodId: string; formationIds: string[]; panels: number; mint: (id: string) => string },
): Promise<{ panelists: Panelist[]; httpCalls: number }> {
  let calls = 0;
  for (const position of POSITIONS) {
    const criteria = CRITERIA.map((c) => ({ ...c, anchors: [1, 2, 3, 4, 5].map((level) => ({ level, description: `${c.label}: tingkat ${level}` })) }));
    for (let attempt = 0; ; attempt += 1) {
      const res = await call(interview, 'POST', `/periods/${o.periodId}/position-rubrics`, { token: admin, json: { position, criteria } });
      calls += 1;
      if (res.status === 201 || res.status === 200) break;
      // Interview hears of the period by Kafka; until then the period is unknown to it.
      if (res.status !== 404 || attempt > 120) expectStatus(res, 201, 'position rubric');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const panelists: Panelist[] = [];
  const panelIds: string[] = [];
  for (let i = 0; i < o.panels; i += 1) {
    const id = randomUUID();
    const res = expectStatus(
      await call(interview, 'POST', '/panels', {
        token: admin,
        json: {
          periodId: o.periodId,
          name: `Panel ${i + 1}`,
          members: [{ panelistId: id, displayName: `Panelis ${i + 1}`, kkNumber: `8802${String(i).padStart(12, '0')}`, chair: true }],
        },
      }),
      [200, 201],
      'panel',
    );
    calls += 1;
    panelIds.push(res.body.panelId);
    panelists.push({ id, token: o.mint(id) });
  }
  await pool(o.formationIds, 8, async (formationId, i) => {
    for (let attempt = 0; ; attempt += 1) {
      const res = await call(interview, 'POST', `/panels/${panelIds[i % panelIds.length]}/formations`, { token: admin, json: { formationId } });
      calls += 1;
      if (res.status === 201 || res.status === 200) break;
      if (res.status !== 404 || attempt > 120) expectStatus(res, 201, 'assign formation');
      await new Promise((r) => setTimeout(r, 500));
    }
  });
  return { panelists, httpCalls: calls };
}

function scoreOf(participantNumber: string, criterion: string): number {
  let h = 7;
  for (const c of participantNumber + criterion) h = (h * 33 + c.charCodeAt(0)) % 10_007;
  return 1 + (h % 5);
}

/** Every candidate: the panelist's sheet saved, submitted, and the interview finalized by the chair (three calls). */
export function interviewStage(interview: string, panelists: Panelist[], concurrency: number): StageSpec {
  return {
    stage: 'interview: score and finalize',
    event: 'InterviewCompleted',
    consumer: 'placement',
    keyField: 'participantNumber',
    timeoutMs: 60 * 60_000,
    async run() {
      let calls = 0;
      const work: { panelist: Panelist; panelId: string; participantNumber: string }[] = [];
      for (const panelist of panelists) {
        const list = expectStatus(await call(interview, 'GET', '/panelist/candidates', { token: panelist.token }), 200, 'candidates').body as {
          panelId: string;
          participantNumber: string;
          status: string;
        }[];
        calls += 1;
        for (const c of list) if (c.status === 'ASSIGNED') work.push({ panelist, panelId: c.panelId, participantNumber: c.participantNumber });
      }
      const finalizedAt = new Map<string, number>();
      const progress = setInterval(
        () => process.stdout.write(`[interview] ${finalizedAt.size.toLocaleString('en-US')}/${work.length.toLocaleString('en-US')} finalized\n`),
        5_000,
      );
      try {
        await pool(work, concurrency, async (w) => {
          const base = `/panelist/panels/${w.panelId}/candidates/${encodeURIComponent(w.participantNumber)}`;
          const scores = CRITERIA.map((c) => ({
            criterion: c.key,
            value: scoreOf(w.participantNumber, c.key),
            justification: 'Sesuai jawaban dan demonstrasi kandidat.',
          }));
          expectStatus(await call(interview, 'PUT', `${base}/sheet`, { token: w.panelist.token, json: { scores } }), [200, 201], 'sheet');
          expectStatus(await call(interview, 'POST', `${base}/sheet/submit`, { token: w.panelist.token }), [200, 201], 'submit sheet');
          const done = expectStatus(await call(interview, 'POST', `${base}/finalize`, { token: w.panelist.token }), [200, 201], 'finalize');
          calls += 3;
          finalizedAt.set(w.participantNumber, epochMs(done.at));
        });
      } finally {
        clearInterval(progress);
      }
      return {
        httpCalls: calls,
        issuedAt: (key) => finalizedAt.get(key),
        notes: [`${work.length} candidates over ${panelists.length} one-member panels, 3 calls each, ${concurrency} in flight`],
      };
    },
  };
}
