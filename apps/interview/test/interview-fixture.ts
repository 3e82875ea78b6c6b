import { randomUUID } from 'node:crypto';
import { AgencyTimeZone, idDigest, kkDigest } from '@seleksi/contracts';
import { InProcessService, newIds, newPayload, publishEvent, testKafka, testKeys, waitFor } from '@seleksi/testing';
import { InterviewConfig } from '../src/interview.config';

export const KK_KEY = 'test-kk-digest-key-0123456789';

export const randomKk = () => Array.from({ length: 16 }, (_, i) => (i === 0 ? 3 : Math.floor(Math.random() * 10))).join('');

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

export interface Panelist {
  id: string;
  token: string;
  kk: string;
  name: string;
}

export const CRITERIA = [
  { key: 'k1', label: 'Komunikasi', weight: 60, anchors: [1, 2, 3, 4, 5].map((level) => ({ level, description: `komunikasi level ${level}` })) },
  { key: 'k2', label: 'Teknis', weight: 40, anchors: [1, 2, 3, 4, 5].map((level) => ({ level, description: `teknis level ${level}` })) },
];

/** Drives one in-process interview service: upstream events in, HTTP calls as admin or panelist. */
export class InterviewFixture {
  readonly admin = testKeys().mint(randomUUID(), ['admin']);
  /** The candidates this fixture sent, per period: what skb's closing count says by default. */
  private readonly sent = new Map<string, { formationId: string; applicationId: string }[]>();

  constructor(readonly svc: InProcessService<InterviewConfig>) {}

  async call<T = Record<string, unknown>>(method: string, path: string, token: string, body?: unknown): Promise<Reply<T>> {
    const res = await fetch(`${this.svc.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    return this.svc.dataSource.query(query, params);
  }

  panelist(name = 'Panelis'): Panelist {
    const id = randomUUID();
    return { id, token: testKeys().mint(id, ['panelist']), kk: randomKk(), name };
  }

  /** A period (with interview rule overrides) and one formation, as registration publishes them. */
  async period(
    interview: Partial<{ scaleMin: number; scaleMax: number; calibrationThreshold: number; minimumPanelSize: number }> = {},
    timeZone: AgencyTimeZone = 'WITA',
  ) {
    const ids = newIds();
    const base = newPayload('PeriodOpened', ids);
    await publishEvent(testKafka(), this.svc.topicPrefix, 'PeriodOpened', { ...base, timeZone, interview: { ...base.interview, ...interview } });
    await publishEvent(
      testKafka(),
      this.svc.topicPrefix,
      'FormationPublished',
      newPayload('FormationPublished', ids, { code: `F-${ids.formationId.slice(0, 6)}` }),
    );
    await waitFor(
      'period and formation',
      async () => (await this.sql(`SELECT 1 FROM interview.formations WHERE formation_id = $1`, [ids.formationId])).length > 0,
    );
    return ids;
  }

  async panel(periodId: string, members: Panelist[], name = 'Panel'): Promise<string> {
    const res = await this.call<{ panelId: string }>('POST', '/panels', this.admin, {
      periodId,
      name,
      members: members.map((m, i) => ({ panelistId: m.id, displayName: m.name, kkNumber: m.kk, chair: i === 0 })),
    });
    if (res.status !== 201) throw new Error(`panel not created: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.panelId;
  }

  async assign(panelId: string, formationId: string): Promise<Reply> {
    return this.call('POST', `/panels/${panelId}/formations`, this.admin, { formationId });
  }

  async rubric(formationId: string): Promise<Reply> {
    return this.call('POST', `/formations/${formationId}/rubrics`, this.admin, { criteria: CRITERIA });
  }

  /** A proceeding SKB result; `kk` makes the candidate share a family card with a panelist. */
  async candidate(
    ids: ReturnType<typeof newIds>,
    participantNumber: string,
    kk = randomKk(),
  ): Promise<{ applicationId: string; applicantId: string; kkDigest: string }> {
    const candidateIds = { ...ids, applicationId: randomUUID() };
    const payload = newPayload('SkbResultFinalized', candidateIds, { participantNumber, kkDigest: kkDigest(kk, KK_KEY) });
    await publishEvent(testKafka(), this.svc.topicPrefix, 'SkbResultFinalized', payload);
    this.sent.set(ids.periodId, [...(this.sent.get(ids.periodId) ?? []), { formationId: ids.formationId, applicationId: candidateIds.applicationId }]);
    await waitFor(
      'candidate',
      async () => (await this.sql(`SELECT 1 FROM interview.candidates WHERE application_id = $1`, [candidateIds.applicationId])).length > 0,
    );
    return { applicationId: candidateIds.applicationId, applicantId: payload.applicantId, kkDigest: payload.kkDigest };
  }

  /**
   * Skb's SkbPeriodFinalized counting, as proceeding, the candidates this fixture sent for the period
   * (or `proceeding`), once interview has recorded it.
   */
  async handOver(ids: ReturnType<typeof newIds>, proceeding = this.sent.get(ids.periodId) ?? []): Promise<void> {
    const formationIds = [...new Set([ids.formationId, ...proceeding.map((p) => p.formationId)])];
    const byFormation = formationIds.map((formationId) => {
      const apps = proceeding.filter((p) => p.formationId === formationId).map((p) => p.applicationId);
      return { formationId, count: apps.length, digest: idDigest(apps) };
    });
    await publishEvent(testKafka(), this.svc.topicPrefix, 'SkbPeriodFinalized', {
      ...newPayload('SkbPeriodFinalized', ids),
      results: proceeding.length,
      proceeding: proceeding.length,
      resultsByFormation: byFormation,
      proceedingByFormation: byFormation,
    });
    await waitFor(
      'the hand-over row at interview',
      async () => (await this.sql(`SELECT 1 FROM interview.handovers WHERE period_id = $1`, [ids.periodId])).length === 1,
    );
  }

  path(panelId: string, participantNumber: string, rest = ''): string {
    return `/panelist/panels/${panelId}/candidates/${participantNumber}${rest}`;
  }

  sheet(k1: number, k2: number) {
    return {
      scores: [
        { criterion: 'k1', value: k1, justification: 'jelas' },
        { criterion: 'k2', value: k2, justification: 'cukup' },
      ],
    };
  }

  /** Saves and submits a sheet, failing loudly if either is refused. */
  async score(p: Panelist, panelId: string, pn: string, k1: number, k2: number): Promise<void> {
    const saved = await this.call('PUT', this.path(panelId, pn, '/sheet'), p.token, this.sheet(k1, k2));
    if (saved.status !== 200) throw new Error(`save refused: ${JSON.stringify(saved.body)}`);
    const submitted = await this.call('POST', this.path(panelId, pn, '/sheet/submit'), p.token);
    if (submitted.status !== 200) throw new Error(`submit refused: ${JSON.stringify(submitted.body)}`);
  }
}
