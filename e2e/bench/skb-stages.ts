/** SKB through its own API: seats and exam cards, the CAT score file, the results. */
import { call, epochMs, expectStatus } from './http';
import { StageSpec } from './measure';

const ROOM_CAPACITY = 1_000;
const ROOMS = 50;
const PAGE = 10_000;

export interface Participants {
  /** How many MS applications the verifiers decided: the seats needed. */
  expected: number;
  /** Filled from the seat plan. */
  numbers: string[];
}

/** Venue and sessions sized to the participants, the seat plan computed and read, then published (exam cards). */
export function seatsStage(skb: string, officer: string, periodId: string, participants: Participants): StageSpec {
  return {
    stage: 'skb: seats and exam cards',
    event: 'ParticipantScheduled',
    consumer: 'registration',
    keyField: 'participantNumber',
    timeoutMs: 30 * 60_000,
    async run() {
      let calls = 0;
      const post = async (path: string, json: unknown, what: string) => {
        calls += 1;
        return expectStatus(await call(skb, 'POST', `/periods/${periodId}${path}`, { token: officer, json }), [200, 201], what);
      };
      await post(
        '/venues',
        {
          name: 'UPT CAT Nasional',
          address: 'Jl. Mayjen Sutoyo 12, Jakarta',
          rooms: Array.from({ length: ROOMS }, (_, i) => ({ name: `Ruang ${i + 1}`, capacity: ROOM_CAPACITY })),
        },
        'venue',
      );
      const sessions = Math.max(1, Math.ceil(participants.expected / (ROOMS * ROOM_CAPACITY)));
      for (let i = 0; i < sessions; i += 1) {
        const day = String(10 + Math.floor(i / 3)).padStart(2, '0');
        await post(
          '/sessions',
          { name: `Sesi ${i + 1}`, date: `2027-01-${day}`, startTime: ['08:00', '11:00', '14:00'][i % 3], durationMinutes: 100 },
          'session',
        );
      }
      // Refused (409 HANDOVER_*) until skb holds every participant screening's ScreeningPeriodFinalized counts.
      let allocation = await call(skb, 'POST', `/periods/${periodId}/allocation`, { token: officer });
      for (calls += 1; allocation.status === 409 && String((allocation.body as { code?: string })?.code).startsWith('HANDOVER_'); calls += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        allocation = await call(skb, 'POST', `/periods/${periodId}/allocation`, { token: officer });
      }
      expectStatus(allocation, [200, 201], 'allocation');
      const count = allocation.body.participants as number;
      participants.numbers = [];
      for (let offset = 0; offset < count; offset += PAGE) {
        const page = expectStatus(
          await call(skb, 'GET', `/periods/${periodId}/allocation?limit=${PAGE}&offset=${offset}`, { token: officer }),
          200,
          'seat plan',
        );
        calls += 1;
        for (const seat of page.body as { participantNumber: string }[]) participants.numbers.push(seat.participantNumber);
      }
      const published = await post('/allocation/publish', undefined, 'publish');
      const at = epochMs(published.at);
      return { httpCalls: calls, issuedAt: () => at, notes: [`${count} participants seated; ${published.body.scheduled} exam cards published`] };
    },
  };
}

/** A deterministic CAT score in 150..500 (about a quarter below the passing grade of 200); about 1% absent. */
export function catScore(participantNumber: string): string {
  let h = 0;
  for (const c of participantNumber) h = (h * 31 + c.charCodeAt(0)) % 1_000_003;
  if (h % 100 === 0) return 'TH';
  return (150 + (h % 3501) / 10).toFixed(1);
}

export function scoresStage(skb: string, officer: string, periodId: string, participants: Participants): StageSpec {
  return {
    stage: 'skb: CAT score import',
    event: 'SkbScoresRecorded',
    consumer: 'registration',
    keyField: 'participantNumber',
    timeoutMs: 30 * 60_000,
    async run() {
      const csv = ['participant_number,component,score', ...participants.numbers.map((n) => `${n},cat,${catScore(n)}`)].join('\n') + '\n';
      const res = expectStatus(
        await call(skb, 'POST', `/periods/${periodId}/score-imports`, { token: officer, raw: csv, type: 'text/csv' }),
        200,
        'score import',
      );
      const at = epochMs(res.at);
      return {
        httpCalls: 1,
        issuedAt: () => at,
        notes: [`one CSV of ${participants.numbers.length} rows (${(csv.length / 1e6).toFixed(1)} MB) in ${res.ms.toFixed(0)} ms`],
      };
    },
  };
}
