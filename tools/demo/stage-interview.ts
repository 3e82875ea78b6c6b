import { StaffSession } from './demo-staff';
import { eventually, Json } from './http';
import { hashUnit, placementReport, StageContext, sum } from './stage-context';

const CRITERIA = [
  { key: 'kompetensi-teknis', label: 'Kompetensi teknis', weight: 50 },
  { key: 'pemecahan-masalah', label: 'Pemecahan masalah', weight: 30 },
  { key: 'komunikasi', label: 'Komunikasi', weight: 20 },
];
const ANCHOR_WORDS = ['belum tampak', 'dasar', 'cukup', 'baik', 'sangat baik', 'istimewa', 'teladan'];

function rubricFor(position: string, scaleMin: number, scaleMax: number): Json {
  return {
    position,
    criteria: CRITERIA.map((k) => ({
      ...k,
      anchors: Array.from({ length: scaleMax - scaleMin + 1 }, (_, i) => ({
        level: scaleMin + i,
        description: `${k.label}: ${ANCHOR_WORDS[Math.min(i, ANCHOR_WORDS.length - 1)]} untuk posisi ${position}`,
      })),
    })),
  };
}

/** A panelist's own score: near the candidate's level, differing by at most one between panelists. */
function scoreOf(
  participantNumber: string,
  criterion: string,
  panelistId: string,
  scale: { min: number; max: number },
  disagree: 'low' | 'high' | undefined,
): number {
  if (disagree) return disagree === 'low' ? scale.min : scale.max;
  const level = scale.min + 1 + Math.floor(hashUnit(`${participantNumber}:${criterion}`) * (scale.max - scale.min - 1));
  const delta = Math.floor(hashUnit(`${participantNumber}:${criterion}:${panelistId}`) * 3) - 1;
  return Math.max(scale.min, Math.min(scale.max, level + delta));
}

/** Stage 5: a panel of three, rubrics per position, blind independent scoring, calibration where they disagree, finalized by the chair. */
export async function runInterviews(c: StageContext): Promise<void> {
  const { t, apis, period } = c;
  const admin = await c.staff.as('admin');
  const panelists = [await c.staff.as('panelist1'), await c.staff.as('panelist2'), await c.staff.as('panelist3')];
  const chair = panelists[0];
  const rules = (await apis.registration.must('GET', `/periods/${period.id}`)).body.interview as { scaleMin: number; scaleMax: number };
  const scale = { min: rules.scaleMin, max: rules.scaleMax };
  const expected = sum(await placementReport(c), 'skbProceeded');
  const candidates = async () => {
    const reply = await apis.interview.call('GET', `/admin/candidates?periodId=${period.id}`, { token: admin.token });
    return reply.status === 200 ? (reply.body as Json[]) : [];
  };
  await eventually(`the ${expected} SKB P/L candidates to reach the interview`, async () => (await candidates()).length >= expected, 60_000);

  let rubrics = 0;
  for (const position of [...new Set(period.formations.map((f) => f.position))]) {
    const formation = period.formations.find((f) => f.position === position)!;
    const current = await apis.interview.call('GET', `/formations/${formation.id}/rubrics/current`, { token: admin.token });
    if (current.status === 200) continue;
    await apis.interview.must('POST', `/periods/${period.id}/position-rubrics`, { token: admin.token, json: rubricFor(position, scale.min, scale.max) }, [
      'RUBRIC_FROZEN',
    ]);
    rubrics += 1;
  }
  if (rubrics > 0)
    t.say(`  ${admin.name} set ${rubrics} position rubrics (${CRITERIA.map((k) => `${k.label} ${k.weight}`).join(', ')}; scale ${scale.min}–${scale.max})`);

  const panels = (await apis.interview.must('GET', `/panels?periodId=${period.id}`, { token: admin.token })).body as Json[];
  const panel =
    panels[0] ??
    (
      await apis.interview.must('POST', '/panels', {
        token: admin.token,
        json: {
          periodId: period.id,
          name: 'Panel Wawancara Command Center',
          members: panelists.map((p, i) => ({ panelistId: p.id, displayName: p.name, kkNumber: p.kkNumber, chair: i === 0 })),
        },
      })
    ).body;
  for (const f of period.formations.filter((x) => !(panel.formationIds as string[]).includes(x.id))) {
    await apis.interview.must('POST', `/panels/${panel.panelId}/formations`, { token: admin.token, json: { formationId: f.id } }, [
      'FORMATION_ALREADY_ASSIGNED',
    ]);
  }
  if (panels.length === 0)
    t.say(`  panel "${panel.name}": ${panelists.map((p) => p.name).join(', ')} (chair ${chair.name}), given all ${period.formations.length} formations`);

  const mine = async (who: StaffSession) =>
    ((await apis.interview.must('GET', '/panelist/candidates', { token: who.token })).body as Json[]).filter((x) => x.panelId === panel.panelId);
  const open = (await mine(chair)).filter((x) => x.status === 'ASSIGNED');
  const path = (pn: string) => `/panelist/panels/${panel.panelId}/candidates/${encodeURIComponent(pn)}`;
  const noShows = open.filter((x) => hashUnit(`${x.participantNumber}:no-show`) < 0.05);
  for (const x of noShows) await apis.interview.must('POST', `${path(x.participantNumber)}/absent`, { token: chair.token }, ['INTERVIEW_FINALIZED']);
  const toScore = open.filter((x) => !noShows.includes(x));
  // One candidate splits the panel, to show calibration: the chair must record why before finalizing.
  const split = toScore[0]?.participantNumber;
  let sheets = 0;
  for (const who of panelists) {
    for (const x of (await mine(who)).filter(
      (y) => y.status === 'ASSIGNED' && y.mySheet !== 'SUBMITTED' && toScore.some((z) => z.participantNumber === y.participantNumber),
    )) {
      const pn = x.participantNumber as string;
      const view = (await apis.interview.must('GET', path(pn), { token: who.token })).body;
      const disagree = pn === split ? (who === panelists[0] ? 'low' : who === panelists[2] ? 'high' : undefined) : undefined;
      const scores = (view.rubric.criteria as Json[]).map((k) => ({
        criterion: k.key,
        value: scoreOf(pn, k.key, who.id, scale, disagree),
        justification: `Penilaian ${k.label.toLowerCase()} berdasarkan jawaban dan studi kasus.`,
      }));
      await apis.interview.must('PUT', `${path(pn)}/sheet`, { token: who.token, json: { scores } });
      await apis.interview.must('POST', `${path(pn)}/sheet/submit`, { token: who.token }, ['SHEET_LOCKED']);
      sheets += 1;
    }
  }
  if (sheets > 0) t.say(`  ${sheets} score sheets submitted, each panelist blind to the others until their own was in`);
  let calibrated = 0;
  let scored = 0;
  for (const x of toScore) {
    const pn = x.participantNumber as string;
    let done = await apis.interview.must('POST', `${path(pn)}/finalize`, { token: chair.token }, ['CALIBRATION_REQUIRED', 'INTERVIEW_FINALIZED']);
    if (done.body?.code === 'CALIBRATION_REQUIRED') {
      await apis.interview.must('POST', `${path(pn)}/calibration`, {
        token: chair.token,
        json: { note: 'Panel membahas perbedaan penilaian; kedua penilai mempertahankan skornya dengan alasan tertulis.' },
      });
      calibrated += 1;
      done = await apis.interview.must('POST', `${path(pn)}/finalize`, { token: chair.token }, ['INTERVIEW_FINALIZED']);
    }
    if (done.status < 300) scored += 1;
  }
  t.say(`  ${chair.name} (chair) finalized ${scored} interviews${calibrated ? `, ${calibrated} after a recorded calibration` : ''}; ${noShows.length} absent`);
  const completed = (await candidates()).filter((x) => x.status === 'COMPLETED').length;
  await eventually('the interview results to reach placement', async () => sum(await placementReport(c), 'interviewed') >= completed, 60_000);
  // The admin hands the period's interviews on to placement (InterviewPeriodCompleted): placement ranks only once it holds them all.
  const handedOn = await eventually("interview to hold skb's hand-over", async () => {
    const reply = await apis.interview.call('POST', `/periods/${period.id}/completion`, { token: admin.token });
    if (reply.status === 409 && String(reply.body?.code).startsWith('HANDOVER_')) return undefined;
    if (reply.status >= 300 && reply.body?.code !== 'INTERVIEWS_ALREADY_COMPLETED')
      throw new Error(`interview completion answered ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply;
  });
  if (handedOn.status < 300) t.say(`  ${admin.name} completed the period's interviews: ${handedOn.body.completed} handed on to placement`);
  t.say(`  see: GET ${t.interview}/admin/candidates?periodId=${period.id} and /admin/rater-statistics?periodId=${period.id} (admin)`);
}
