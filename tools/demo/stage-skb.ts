import { demoNow } from './demo-clock';
import { eventually, Json } from './http';
import { hashUnit, placementReport, screeningAudit, StageContext, sum } from './stage-context';

interface SkbComponent {
  component: string;
  source: 'IMPORT' | 'MANUAL';
  maxScore: number;
}

/** A participant's demo score on a component (52–97 % of its maximum): the same on every run; the practical fails some. */
function scoreOf(participantNumber: string, component: SkbComponent): number {
  return Math.round(component.maxScore * (0.52 + 0.45 * hashUnit(`${participantNumber}:${component.component}`)));
}

const isAbsent = (participantNumber: string) => hashUnit(`${participantNumber}:absent`) < 0.06;

/** Stage 4: the SKB as its officer runs it: venue and sessions, seats and exam cards, CAT import, practical scores, results. */
export async function runSkb(c: StageContext): Promise<void> {
  const { t, apis, period } = c;
  const officer = await c.staff.as('skb');
  const auth = { token: officer.token };
  const finalized = (await screeningAudit(c)).find((e) => e.action === 'PERIOD_FINALIZED');
  if (!finalized) throw new Error('the administrative list is not final yet');
  const expected = Number(finalized.details.eligible);
  const rules = (await apis.registration.must('GET', `/periods/${period.id}`)).body.skb as { components: SkbComponent[] };

  const rooms = Math.max(2, Math.ceil(expected / 60));
  const venue = await eventually('skb to hear of the period (PeriodOpened)', async () => {
    const reply = await apis.skb.call('POST', `/periods/${period.id}/venues`, {
      ...auth,
      json: {
        name: 'UPT Komputer BKPSDM Kota Contoh',
        address: 'Jl. Merdeka No. 1, Kota Contoh',
        rooms: Array.from({ length: rooms }, (_, i) => ({ name: `Lab ${i + 1}`, capacity: 30 })),
      },
    });
    return reply.status === 404 ? undefined : reply;
  });
  const published = venue.body?.code === 'ALLOCATION_PUBLISHED';
  if (venue.status >= 300 && !published && venue.body?.code !== 'VENUE_EXISTS') throw new Error(`skb venue: ${venue.status} ${JSON.stringify(venue.body)}`);
  if (!published) {
    const examDay = new Date(demoNow(t.clockFile).getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    for (const [name, startTime] of [
      ['Sesi 1', '08:00'],
      ['Sesi 2', '13:00'],
    ]) {
      await apis.skb.must('POST', `/periods/${period.id}/sessions`, { ...auth, json: { name, date: examDay, startTime, durationMinutes: 90 } }, [
        'SESSION_EXISTS',
      ]);
    }
    if (venue.status < 300) t.say(`  ${officer.name} set up the test: ${rooms} computer labs × 2 sessions on ${examDay}`);
    // Participants arrive with ScreeningFinalized; the plan is recomputed until all of them have a seat.
    const plan = await eventually(`all ${expected} MS applicants to become SKB participants`, async () => {
      const reply = await apis.skb.must('POST', `/periods/${period.id}/allocation`, auth);
      return reply.body.participants === expected ? reply.body : undefined;
    });
    const pub = await apis.skb.must('POST', `/periods/${period.id}/allocation/publish`, auth, ['ALLOCATION_PUBLISHED']);
    t.say(
      `  seats allocated for ${plan.participants} participants (capacity ${plan.capacity}) and published: ${pub.body.scheduled ?? plan.participants} exam cards`,
    );
  }

  const seats = (await apis.skb.must('GET', `/periods/${period.id}/allocation?limit=10000`, auth)).body as Json[];
  const numbers = seats.map((s) => s.participantNumber as string);
  const imported = rules.components.filter((k) => k.source === 'IMPORT');
  const manual = rules.components.filter((k) => k.source === 'MANUAL');
  const rows = numbers.flatMap((n) => imported.map((k) => `${n},${k.component},${isAbsent(n) ? 'TH' : scoreOf(n, k)}`));
  const csv = `participant_number,component,score\n${rows.join('\n')}\n`;
  const upload = await apis.skb.must('POST', `/periods/${period.id}/score-imports`, { ...auth, raw: csv, type: 'text/csv' }, ['SKB_FINALIZED']);
  if (upload.status < 300)
    t.say(`  CAT scores imported from the testing system's CSV: ${upload.body.rows} rows, ${numbers.filter(isAbsent).length} absent (TH)`);
  let entered = 0;
  for (const n of numbers.filter((x) => !isAbsent(x))) {
    for (const k of manual) {
      const reply = await apis.skb.must('PUT', `/periods/${period.id}/participants/${n}/scores/${k.component}`, { ...auth, json: { score: scoreOf(n, k) } }, [
        'SKB_FINALIZED',
      ]);
      if (reply.status < 300) entered += 1;
    }
  }
  if (entered > 0) t.say(`  ${officer.name} entered ${entered} practical scores`);
  const result = await apis.skb.must('POST', `/periods/${period.id}/finalize`, auth, ['ALREADY_FINALIZED']);
  if (result.status < 300) {
    const o = result.body.outcomes as Record<string, number>;
    t.say(`  SKB results final: ${o['P/L'] ?? 0} P/L go on to the interview, ${o.P ?? 0} P, ${o.TL ?? 0} TL, ${o.TH ?? 0} TH`);
  }
  await eventually('the SKB results to reach placement', async () => sum(await placementReport(c), 'reachedPlacement') >= numbers.length, 60_000);
  t.say(`  see: an applicant's GET ${t.skb}/me/periods/${period.id}/result and /exam-card; GET ${t.skb}/periods/${period.id}/allocation (staff)`);
}
