import { TopicNames } from '@seleksi/messaging';
import { freshSchema, startInProcess, testKafka } from '@seleksi/testing';
import { ConfigResourceTypes } from 'kafkajs';
import { InterviewConfig } from '../src/interview.config';
import { InterviewModule } from '../src/interview.module';

/**
 * Whichever side creates a topic first, the relay (its own topic) or the consumer (the topics it
 * reads and their dead-letter topics, when their producers have not started yet), creates it with
 * the period-independent settings of the deployment: min.insync.replicas and dead-letter retention.
 */
describe('topics a service creates', () => {
  const kafka = testKafka('topic-settings-spec');

  it('carry the configured min.insync.replicas and dead-letter retention, those the consumer creates included', async () => {
    await freshSchema('interview');
    const svc = await startInProcess({
      service: 'interview',
      configType: InterviewConfig,
      module: (c) => InterviewModule.forConfig(c, { processMetrics: false }),
      env: { KAFKA_MIN_INSYNC_REPLICAS: '1', KAFKA_DLQ_RETENTION_MS: '604800000', KAFKA_REPLICATION_FACTOR: '1' },
    });
    const admin = kafka.admin();
    try {
      await admin.connect();
      const names = new TopicNames(svc.topicPrefix);
      // skb's topic and its dead letters exist only because interview's consumer reads them.
      const consumed = names.of('skb');
      const resources = [consumed, names.deadLetterOf(consumed), names.of('interview')].map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['min.insync.replicas', 'retention.ms'],
      }));
      const described = await admin.describeConfigs({ resources, includeSynonyms: false });
      const value = (topic: string, key: string) =>
        described.resources.find((r) => r.resourceName === topic)?.configEntries.find((e) => e.configName === key)?.configValue;
      expect(value(consumed, 'min.insync.replicas')).toBe('1');
      expect(value(names.deadLetterOf(consumed), 'retention.ms')).toBe('604800000');
      // Ordinary topics keep the broker's retention: only dead letters (copies of events) are cut short.
      expect(value(consumed, 'retention.ms')).not.toBe('604800000');
    } finally {
      await admin.disconnect();
      await svc.close();
    }
  }, 120_000);
});
