import {
  allEventNames,
  definitionOfType,
  EVENTS,
  eventsConsumedBy,
  eventsProducedBy,
  eventType,
  SERVICE_NAMES,
  ServiceName,
  topicOf,
  topicsConsumedBy,
} from '@seleksi/contracts';

/**
 * The ownership table of ../shared/spec/pipeline.md, copied by hand so the catalogue is checked
 * against the spec rather than against itself. The spec says registration consumes "every stage's
 * per-application outcome events (for the timeline)"; the list below is that phrase spelled out:
 * each stage's decisions, schedules and results, plus the two public announcements that change
 * every applicant's status. PlacementProposed (a proposal, not an outcome) and RankingComputed
 * (per formation) are not on it.
 *
 * Two additions to the table, recorded in docs/design.md ("Period rules travel in PeriodOpened"):
 * skb, interview and placement also consume PeriodOpened (the period's rules for their stage:
 * components, passing grades, proceed factor, calibration threshold, weights, tie-breaks), and
 * interview also consumes FormationPublished (rubrics and panels are assigned per formation).
 *
 * Two more, recorded in docs/design.md ("Counted hand-overs"): screening consumes PeriodClosed (the
 * count its announcement waits for) and skb consumes FormationQuotaChanged (its 3 × quota cut).
 * And three events: screening publishes ScreeningPeriodFinalized (the count skb's allocation and
 * finalization wait for), skb publishes SkbPeriodFinalized (the count interview's scheduling and
 * completion and placement's ranking wait for) and interview publishes InterviewPeriodCompleted (the
 * count placement's ranking waits for).
 */
const SPEC: Record<ServiceName, { publishes: string[]; consumes: string[] }> = {
  registration: {
    publishes: ['PeriodOpened', 'PeriodClosed', 'FormationPublished', 'FormationQuotaChanged', 'ApplicationSubmitted'],
    consumes: [
      'ScreeningDecided',
      'AdministrativeResultsAnnounced',
      'AppealFiled',
      'AppealResolved',
      'ScreeningFinalized',
      'ParticipantScheduled',
      'SkbScoresRecorded',
      'SkbResultFinalized',
      'InterviewScheduled',
      'InterviewCompleted',
      'CandidatePlaced',
      'PlacementDeclined',
      'PlacementAnnounced',
    ],
  },
  screening: {
    publishes: ['ScreeningDecided', 'AdministrativeResultsAnnounced', 'AppealFiled', 'AppealResolved', 'ScreeningFinalized', 'ScreeningPeriodFinalized'],
    consumes: ['PeriodOpened', 'PeriodClosed', 'FormationPublished', 'ApplicationSubmitted'],
  },
  skb: {
    publishes: ['ParticipantScheduled', 'SkbScoresRecorded', 'SkbResultFinalized', 'SkbPeriodFinalized'],
    consumes: ['PeriodOpened', 'FormationPublished', 'FormationQuotaChanged', 'ScreeningFinalized', 'ScreeningPeriodFinalized'],
  },
  interview: {
    publishes: ['InterviewScheduled', 'InterviewCompleted', 'InterviewPeriodCompleted'],
    consumes: ['PeriodOpened', 'FormationPublished', 'SkbResultFinalized', 'SkbPeriodFinalized'],
  },
  placement: {
    publishes: ['RankingComputed', 'PlacementProposed', 'CandidatePlaced', 'PlacementDeclined', 'PlacementAnnounced'],
    consumes: [
      'PeriodOpened',
      'FormationPublished',
      'FormationQuotaChanged',
      'SkbResultFinalized',
      'SkbPeriodFinalized',
      'InterviewCompleted',
      'InterviewPeriodCompleted',
    ],
  },
};

/** Events about the period as a whole are keyed by period; everything else by application. */
const PERIOD_KEYED = [
  'PeriodOpened',
  'PeriodClosed',
  'FormationPublished',
  'FormationQuotaChanged',
  'AdministrativeResultsAnnounced',
  'ScreeningPeriodFinalized',
  'SkbPeriodFinalized',
  'InterviewPeriodCompleted',
  'RankingComputed',
  'PlacementAnnounced',
];

const SERVICES = Object.keys(SPEC) as ServiceName[];
const sorted = (names: readonly string[]) => [...names].sort();

describe('EVENTS', () => {
  it('holds exactly the events the spec names, each once', () => {
    const specEvents = SERVICES.flatMap((s) => SPEC[s].publishes);
    expect(sorted(allEventNames())).toEqual(sorted(specEvents));
    expect(new Set(specEvents).size).toBe(specEvents.length);
  });

  it('covers the five services of the spec', () => {
    expect(sorted(SERVICE_NAMES)).toEqual(sorted(SERVICES));
  });

  it.each(allEventNames())('keys %s under its own name', (name) => {
    expect(EVENTS[name].name).toBe(name);
  });

  it.each(allEventNames())('has %s at version 1 with a payload class and a summary', (name) => {
    const def = EVENTS[name];
    expect(def.version).toBe(1);
    expect(typeof def.payload).toBe('function');
    expect(def.summary.length).toBeGreaterThan(10);
  });

  it.each(allEventNames())('keys %s by period only when it is period-wide', (name) => {
    expect(EVENTS[name].key).toBe(PERIOD_KEYED.includes(name) ? 'periodId' : 'applicationId');
  });

  it.each(allEventNames())('never lists the producer of %s among its consumers', (name) => {
    expect(EVENTS[name].consumers).not.toContain(EVENTS[name].producer);
  });
});

describe(eventType.name, () => {
  it.each(allEventNames())('names %s id.seleksi.<producer>.<Name>.v1', (name) => {
    const producer = SERVICES.find((s) => SPEC[s].publishes.includes(name));
    expect(eventType(name)).toBe(`id.seleksi.${producer}.${name}.v1`);
  });

  it.each([
    ['ScreeningDecided', 'id.seleksi.screening.ScreeningDecided.v1'],
    ['ApplicationSubmitted', 'id.seleksi.registration.ApplicationSubmitted.v1'],
    ['PlacementAnnounced', 'id.seleksi.placement.PlacementAnnounced.v1'],
  ] as const)('spells %s as %s', (name, type) => {
    expect(eventType(name)).toBe(type);
  });
});

describe(definitionOfType.name, () => {
  it.each(allEventNames())('finds %s by its CloudEvents type', (name) => {
    expect(definitionOfType(eventType(name))).toBe(EVENTS[name]);
  });

  it.each([
    ['a v2 of a known event', 'id.seleksi.screening.ScreeningDecided.v2'],
    ['a known name under the wrong producer', 'id.seleksi.skb.ScreeningDecided.v1'],
    ['a bare event name', 'ScreeningDecided'],
    ['an empty string', ''],
  ])('finds nothing for %s', (_case, type) => {
    expect(definitionOfType(type)).toBeUndefined();
  });
});

describe(eventsProducedBy.name, () => {
  it.each(SERVICES)('lists what the spec says %s publishes', (service) => {
    expect(sorted(eventsProducedBy(service))).toEqual(sorted(SPEC[service].publishes));
  });
});

describe(eventsConsumedBy.name, () => {
  it.each(SERVICES)('lists what the spec says %s consumes', (service) => {
    expect(sorted(eventsConsumedBy(service))).toEqual(sorted(SPEC[service].consumes));
  });
});

describe(topicOf.name, () => {
  it.each(SERVICES)('puts %s on seleksi.<service>.v1', (service) => {
    expect(topicOf(service)).toBe(`seleksi.${service}.v1`);
  });

  it.each(allEventNames())("publishes %s on its producer's topic", (name) => {
    const producer = SERVICES.find((s) => SPEC[s].publishes.includes(name)) as ServiceName;
    expect(topicOf(EVENTS[name].producer)).toBe(`seleksi.${producer}.v1`);
  });
});

describe(topicsConsumedBy.name, () => {
  it.each<[ServiceName, string[]]>([
    ['registration', ['seleksi.interview.v1', 'seleksi.placement.v1', 'seleksi.screening.v1', 'seleksi.skb.v1']],
    ['screening', ['seleksi.registration.v1']],
    ['skb', ['seleksi.registration.v1', 'seleksi.screening.v1']],
    ['interview', ['seleksi.registration.v1', 'seleksi.skb.v1']],
    ['placement', ['seleksi.interview.v1', 'seleksi.registration.v1', 'seleksi.skb.v1']],
  ])('gives %s the sorted topics of the producers it hears from', (service, topics) => {
    expect(topicsConsumedBy(service)).toEqual(topics);
  });

  it.each(SERVICES)('never makes %s read its own topic', (service) => {
    expect(topicsConsumedBy(service)).not.toContain(topicOf(service));
  });
});
