import { listDeadLetters, replayDeadLetters } from '@seleksi/messaging';
import { createProbePair, startProbeConsumer, testKafka, waitFor } from '@seleksi/testing';

describe(replayDeadLetters.name, () => {
  it('lists a dead letter with its error and, once the handler is fixed, replays it to be applied once', async () => {
    const pair = await createProbePair('replay');
    const failures = { enabled: true };
    const consumer = await startProbeConsumer({
      schema: pair.consumerSchema,
      dataSource: pair.consumerDb,
      groupId: `${pair.prefix}probe`,
      topics: [pair.topic],
      instance: 'a',
      failures,
    });
    const relay = pair.relay();
    relay.start();
    try {
      const [poisoned] = await pair.submit(1, { registrationNumber: () => 'FAIL-0042' });
      const kafka = testKafka();
      const letters = await waitFor('the dead letter', async () => {
        const list = await listDeadLetters(kafka, `${pair.topic}.dlq`);
        return list.length === 1 ? list : undefined;
      });
      expect(letters[0]).toMatchObject({
        eventId: poisoned.id,
        eventType: 'id.seleksi.registration.ApplicationSubmitted.v1',
        consumer: 'probe',
        originalTopic: pair.topic,
        errorKind: 'Error',
        error: 'induced failure for FAIL-0042',
        attempts: 3,
      });
      expect(await pair.effects()).toHaveLength(0);

      failures.enabled = false;
      expect(await replayDeadLetters(kafka, letters)).toBe(1);
      await waitFor('the replayed event to be applied', async () => (await pair.effects()).length === 1);
      expect((await pair.effects())[0]).toMatchObject({ event_id: poisoned.id, registration_number: 'FAIL-0042' });
      expect(await pair.inboxCount()).toBe(1);
    } finally {
      await consumer.close();
      await relay.stop();
      await pair.close();
    }
  });
});
