import { allEventNames, EVENTS, EventName, SERVICE_NAMES, ServiceName } from '@seleksi/contracts';
import { Outbox, TopicNames } from '@seleksi/messaging';
import { connectAsService, newIds, newPayload, ServiceProcess, serviceEnv, spawnService, uniqueTopicPrefix, waitFor, waitUntilReady } from '@seleksi/testing';
import { DataSource } from 'typeorm';

const PORTS: Record<ServiceName, number> = { registration: 3101, screening: 3102, skb: 3103, interview: 3104, placement: 3105 };

/**
 * The five real services as separate processes, on one broker and one database, each as its own
 * role. Every event is written through its producer's outbox and must be applied by each consumer.
 */
describe('pipeline wiring', () => {
  const prefix = uniqueTopicPrefix();
  const services: ServiceProcess[] = [];
  const databases = new Map<ServiceName, DataSource>();

  beforeAll(async () => {
    for (const service of SERVICE_NAMES) {
      services.push(spawnService(service, serviceEnv(service, PORTS[service], { KAFKA_TOPIC_PREFIX: prefix })));
    }
    await Promise.all(services.map((s) => waitUntilReady(s, 90_000)));
    for (const service of SERVICE_NAMES) databases.set(service, await connectAsService(service, [], 2));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await Promise.all([...databases.values()].map((d) => d.destroy()));
  });

  it('delivers an event from each producer to each of its consumers, once', async () => {
    const topics = new TopicNames(prefix);
    const ids = newIds();
    const expected: { event: EventName; id: string; consumer: ServiceName }[] = [];
    for (const name of allEventNames()) {
      const def = EVENTS[name];
      const db = databases.get(def.producer)!;
      const outbox = new Outbox({ service: def.producer, schema: def.producer, topics });
      const envelope = await db.transaction((m) => outbox.enqueue(m, name, newPayload(name, ids)));
      for (const consumer of def.consumers) expected.push({ event: name, id: envelope.id, consumer });
    }
    expect(expected.length).toBeGreaterThanOrEqual(20);

    await waitFor(
      `every consumer to apply every event it consumes`,
      async () => {
        for (const e of expected) {
          const rows = await databases.get(e.consumer)!.query(`SELECT 1 FROM "${e.consumer}".inbox WHERE event_id = $1`, [e.id]);
          if (rows.length !== 1) return false;
        }
        return true;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    // And the effects themselves, one per stage.
    const one = async (service: ServiceName, sql: string) => (await databases.get(service)!.query(sql, [ids.applicationId])).length;
    expect(await one('screening', `SELECT 1 FROM screening.cases WHERE application_id = $1`)).toBe(1);
    expect(await one('skb', `SELECT 1 FROM skb.participants WHERE application_id = $1`)).toBe(1);
    expect(await one('interview', `SELECT 1 FROM interview.candidates WHERE application_id = $1`)).toBe(1);
    expect(await one('placement', `SELECT 1 FROM placement.stage_results WHERE application_id = $1`)).toBe(2);
    const consumedByRegistration = expected.filter((e) => e.consumer === 'registration').length;
    const [timeline] = await databases
      .get('registration')!
      .query(`SELECT count(*)::int AS n FROM registration.timeline_entries WHERE application_id = $1 OR period_id = $2`, [ids.applicationId, ids.periodId]);
    expect(timeline.n).toBe(consumedByRegistration);
  });

  it('serves health, metrics and OpenAPI on every service, and echoes the correlation id', async () => {
    for (const s of services) {
      const ready = await fetch(`${s.url}/health/ready`, { headers: { 'x-correlation-id': 'wiring-check-1' } });
      expect(ready.status).toBe(200);
      expect(ready.headers.get('x-correlation-id')).toBe('wiring-check-1');
      expect(await ready.json()).toEqual({ status: 'ready', postgres: true, kafka: true, down: [] });
      const metrics = await (await fetch(`${s.url}/metrics`)).text();
      for (const name of ['http_request_duration_seconds', 'seleksi_consumer_lag', 'seleksi_outbox_backlog', 'seleksi_dead_letters_total']) {
        expect(metrics).toContain(name);
      }
      const openapi = (await (await fetch(`${s.url}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/health/live', '/health/ready']));
    }
  });

  it('writes JSON logs that carry the correlation id of the event a consumer handles', async () => {
    const log = services.find((s) => s.service === 'screening')!.logs();
    const lines = log.split('\n').filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line)).toEqual(expect.objectContaining({ service: 'screening', level: expect.any(String) }));
  });
});
