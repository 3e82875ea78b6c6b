import { EventEnvelope, eventType, PayloadOf } from '@seleksi/contracts';
import { readEvents, testKafka, testKeys, waitFor } from '@seleksi/testing';
import { randomUUID } from 'node:crypto';
import { Pipeline, PIPELINE_SERVICES, startPipeline } from '../support/pipeline';

async function call(url: string, method: string, token: string, json?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * A rehearsal moves every service past a deadline at once through one clock file (CLOCK_FILE): the
 * five compiled services start together, and time moved in the file is the time they record.
 */
describe('one clock for the whole pipeline', () => {
  let pipeline: Pipeline;

  beforeAll(async () => {
    pipeline = await startPipeline({ basePort: 3131 });
  }, 150_000);

  afterAll(async () => {
    await pipeline?.stop();
  });

  it('starts the five services and moves all of them forward together', async () => {
    for (const service of PIPELINE_SERVICES) expect((await fetch(`${pipeline.url(service)}/health/ready`)).status).toBe(200);
    const admin = testKeys().mint(randomUUID(), ['admin']);
    const reg = pipeline.url('registration');
    const period = await call(`${reg}/admin/periods`, 'POST', admin, {
      code: `CLK-${randomUUID().slice(0, 6).toUpperCase()}`,
      name: 'Clock rehearsal',
      agencyName: 'BKPSDM Kota Contoh',
      timeZone: 'WIB',
      registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
      ageReferenceDate: '2026-12-31',
      ruleVersion: 'clock.1',
      placement: { reportingDate: '2027-03-01' },
    });
    expect(period.status).toBe(201);
    const periodId = period.body.id as string;
    expect(
      (
        await call(`${reg}/admin/periods/${periodId}/formations`, 'POST', admin, {
          code: 'PK-AP',
          position: 'Pranata Komputer Ahli Pertama',
          unit: 'Command Center',
          formationType: 'general',
          quota: 1,
          requirements: {
            educationLevels: ['S1'],
            acceptedMajors: ['Teknik Informatika'],
            minimumGpa: 3,
            documents: [{ type: 'ijazah', mediaType: 'application/pdf', maxBytes: 819200 }],
          },
        })
      ).status,
    ).toBe(201);
    expect((await call(`${reg}/admin/periods/${periodId}/open`, 'POST', admin)).status).toBe(201);

    await pipeline.advanceClock(3 * 86_400_000);
    const before = Date.now();
    expect((await call(`${reg}/admin/periods/${periodId}/close`, 'POST', admin)).status).toBe(201);

    const kafka = testKafka();
    const closed = await waitFor(
      'PeriodClosed on the topic',
      async () => {
        const events = await readEvents(kafka, pipeline.prefix, 'registration');
        return events.find((e) => e.type === eventType('PeriodClosed') && (e.data as { periodId: string }).periodId === periodId) as
          EventEnvelope<PayloadOf<'PeriodClosed'>> | undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    const shiftedBy = Date.parse(closed.data.closedAt) - before;
    expect(shiftedBy).toBeGreaterThan(3 * 86_400_000 - 60_000);
    expect(shiftedBy).toBeLessThan(3 * 86_400_000 + 60_000);
  });
});
