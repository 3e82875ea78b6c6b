import { buildTimeline, eventNameOfType, HeardEvent, TimelineInput } from '../src/timeline/timeline';

const at = (minute: number) => new Date(Date.UTC(2027, 0, 5, 3, minute));
const heard = (name: string, minute: number, payload: Record<string, unknown> = {}): HeardEvent => ({ name, occurredAt: at(minute), payload });
const input = (events: HeardEvent[], status: 'draft' | 'submitted' = 'submitted'): TimelineInput => ({
  timeZone: 'WIT',
  registrationClosesAt: new Date('2026-12-15T14:59:00Z'),
  application: {
    status,
    submittedAt: status === 'submitted' ? new Date('2026-12-10T01:00:00Z') : null,
    registrationNumber: status === 'submitted' ? 'P-0000001' : null,
  },
  events,
});
const stage = (t: ReturnType<typeof buildTimeline>, name: string) => t.stages.find((s) => s.stage === name)!;

describe(buildTimeline.name, () => {
  it('asks a draft to submit before the deadline, in the agency time zone', () => {
    const t = buildTimeline(input([], 'draft'));
    expect(stage(t, 'registration').status).toBe('in-progress');
    expect(t.next).toEqual({
      code: 'SUBMIT_BEFORE_CLOSE',
      params: { registrationClosesAt: '2026-12-15T14:59:00.000Z', zone: 'WIT' },
      what: expect.stringMatching(/submit/),
      when: '15 December 2026, 23:59 WIT',
    });
  });

  it('keeps a decision hidden until the announcement, whatever the order events arrive in', () => {
    const announcement = heard('AdministrativeResultsAnnounced', 5, {
      appealFilingClosesAt: '2027-01-08T14:59:00Z',
      appealAnsweringClosesAt: '2027-01-15T14:59:00Z',
    });
    const decision = heard('ScreeningDecided', 1, { result: 'TMS', reasons: [{ code: 'AGE_OVER_LIMIT', label: 'Usia melebihi batas' }] });
    expect(stage(buildTimeline(input([decision])), 'administrative').outcome).toBeNull();
    const t = buildTimeline(input([announcement, decision]));
    expect(stage(t, 'administrative')).toMatchObject({ outcome: 'TMS', reasons: [{ code: 'AGE_OVER_LIMIT' }] });
    expect(t.next.when).toBe('8 January 2027, 23:59 WIT');
  });

  it('ends the application at a rejected appeal and a final TMS', () => {
    const t = buildTimeline(
      input([
        heard('ScreeningDecided', 1, { result: 'TMS', reasons: [{ code: 'X', label: 'x' }] }),
        heard('AdministrativeResultsAnnounced', 2, { appealFilingClosesAt: '2027-01-08T14:59:00Z', appealAnsweringClosesAt: '2027-01-15T14:59:00Z' }),
        heard('AppealFiled', 3, { answerDueAt: '2027-01-15T14:59:00Z' }),
        heard('AppealResolved', 4, { resolution: 'REJECTED', reason: 'kesalahan pelamar', resultingResult: 'TMS' }),
        heard('ScreeningFinalized', 5, { result: 'TMS', reasons: [{ code: 'X', label: 'x' }] }),
      ]),
    );
    expect(stage(t, 'administrative')).toMatchObject({ status: 'stopped', outcome: 'TMS' });
    expect(t.next).toMatchObject({ code: 'ENDED_AT_ADMINISTRATIVE', what: expect.stringMatching(/ends at the administrative selection/) });
    expect(stage(t, 'administrative').entries.map((e) => [e.code, e.params])).toEqual([
      ['ADMINISTRATIVE_RESULTS_ANNOUNCED', { result: 'TMS', reasons: ['X'], appealFilingClosesAt: '2027-01-08T14:59:00Z', zone: 'WIT' }],
      ['APPEAL_FILED', { answerDueAt: '2027-01-15T14:59:00Z', zone: 'WIT' }],
      ['APPEAL_RESOLVED', { resolution: 'REJECTED', resultingResult: 'TMS', answer: 'kesalahan pelamar' }],
      ['SCREENING_FINALIZED', { result: 'TMS', reasons: ['X'] }],
    ]);
  });

  it.each([
    ['TL', false, 'stopped'],
    ['TH', false, 'stopped'],
    ['P', false, 'stopped'],
    ['P/L', true, 'done'],
  ])('shows an SKB outcome %s as %s', (outcome, proceeds, status) => {
    const t = buildTimeline(input([heard('SkbResultFinalized', 1, { outcome, proceeds, total: null, rank: null })]));
    expect(stage(t, 'skb')).toMatchObject({ outcome, status });
    // A null total or rank is left out of params: params hold only strings, numbers, booleans and string arrays.
    expect(stage(t, 'skb').entries[0]).toMatchObject({ code: 'SKB_RESULT_FINALIZED', params: { outcome, proceeds } });
    expect(stage(t, 'skb').entries[0].params).not.toHaveProperty('total');
    expect(t.next.code).toBe(proceeds ? 'AWAIT_INTERVIEW_SLOT' : 'ENDED_AT_SKB');
  });

  it('tells an interviewed candidate who was not placed, once placement is announced', () => {
    const t = buildTimeline(input([heard('InterviewCompleted', 1, { outcome: 'SCORED', total: 70 }), heard('PlacementAnnounced', 2)]));
    expect(stage(t, 'placement')).toMatchObject({
      status: 'stopped',
      outcome: 'NOT_PLACED',
      entries: [{ code: 'PLACEMENT_ANNOUNCED', params: { outcome: 'NOT_PLACED' } }],
    });
    expect(t.next.code).toBe('ENDED_NOT_PLACED');
  });

  it('shows a replacement placement made after a decline', () => {
    const t = buildTimeline(
      input([
        heard('InterviewCompleted', 1, { outcome: 'SCORED', total: 70 }),
        heard('PlacementAnnounced', 2),
        heard('CandidatePlaced', 9, {
          position: 'Programmer Website',
          unit: 'Command Center',
          reportingDate: '2027-03-01',
          kind: 'REPLACEMENT',
          finalScore: 71,
        }),
      ]),
    );
    expect(stage(t, 'placement')).toMatchObject({ outcome: 'PLACED' });
  });
});

describe(eventNameOfType.name, () => {
  it('reads the event name from its CloudEvents type', () => {
    expect(eventNameOfType('id.seleksi.screening.ScreeningDecided.v1')).toBe('ScreeningDecided');
  });
});
