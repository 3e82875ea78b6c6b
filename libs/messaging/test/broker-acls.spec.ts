import { Admin, AclOperationTypes, Kafka, logLevel, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { SERVICE_NAMES } from '@seleksi/contracts';
import { grantServiceAcls, kafkaUserOf, TopicNames } from '@seleksi/messaging';
import { testKafka, testKafkaAs, testSaslBrokers, uniqueTopicPrefix } from '@seleksi/testing';

/* The local broker enforces the services' SCRAM users and ACLs (deploy/kafka/kafka.sh), the same
 * ACLs as the KafkaUsers of deploy/k8s (both come from serviceAcls). */
describe('the local broker with SASL/SCRAM users and ACLs', () => {
  const topics = new TopicNames(uniqueTopicPrefix());
  let admin: Admin;

  beforeAll(async () => {
    admin = testKafka('acl-test-admin').admin();
    await admin.connect();
    const all = SERVICE_NAMES.flatMap((s) => [topics.of(s), topics.deadLetterOf(topics.of(s))]);
    await admin.createTopics({ waitForLeaders: true, topics: all.map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })) });
    for (const service of SERVICE_NAMES) await grantServiceAcls(admin, service, topics);
  });

  afterAll(async () => {
    await admin.deleteAcls({
      filters: SERVICE_NAMES.map((service) => ({
        resourceType: AclResourceTypes.ANY,
        resourcePatternType: ResourcePatternTypes.ANY,
        principal: `User:${kafkaUserOf(service)}`,
        host: '*',
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      })),
    });
    await admin.deleteTopics({ topics: SERVICE_NAMES.flatMap((s) => [topics.of(s), topics.deadLetterOf(topics.of(s))]) });
    await admin.disconnect();
  });

  async function send(service: (typeof SERVICE_NAMES)[number], topic: string): Promise<string> {
    const producer = testKafkaAs(service).producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages: [{ key: 'k', value: 'v' }] });
      return 'written';
    } catch (error) {
      // kafkajs reports the broker's TOPIC_AUTHORIZATION_FAILED (code 29) in the message
      return /Topic authorization failed/.test((error as Error).message) ? 'TOPIC_AUTHORIZATION_FAILED' : (error as Error).message;
    } finally {
      await producer.disconnect();
    }
  }

  it('lets a service write its own topic', async () => {
    expect(await send('screening', topics.of('screening'))).toBe('written');
  });

  it("refuses a service that writes another service's topic", async () => {
    expect(await send('screening', topics.of('placement'))).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await send('interview', topics.of('registration'))).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it("lets a consumer dead-letter to the consumed topic's .dlq, and no other", async () => {
    expect(await send('screening', topics.deadLetterOf(topics.of('registration')))).toBe('written');
    expect(await send('screening', topics.deadLetterOf(topics.of('skb')))).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('refuses a wrong password', async () => {
    const intruder = new Kafka({
      clientId: 'intruder',
      brokers: testSaslBrokers(),
      sasl: { mechanism: 'scram-sha-512', username: kafkaUserOf('placement'), password: 'guess' },
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    }).producer();
    await expect(intruder.connect()).rejects.toThrow(/SASL SCRAM SHA512 authentication failed/);
  });
});
