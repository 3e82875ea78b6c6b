import { SERVICE_NAMES } from '@seleksi/contracts';
import { grantServiceAcls, kafkaUserOf, TopicNames } from '@seleksi/messaging';
import {
  connectAsService,
  localKafkaCredentials,
  messageCount,
  ServiceProcess,
  serviceEnv,
  spawnService,
  testKafka,
  testKeys,
  testSaslBrokers,
  uniqueTopicPrefix,
  waitFor,
  waitUntilReady,
} from '@seleksi/testing';
import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Admin, ResourcePatternTypes } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Two real service processes that reach the broker only through its SASL/SCRAM listener, each as its
 * own Kafka user with the ACLs of serviceAcls (the same list as deploy/k8s's KafkaUsers): the topics
 * exist beforehand, as the KafkaTopics make them in a cluster, and nothing else is allowed. An event
 * goes from registration's relay to screening's consumer, and a poison event read by screening lands
 * in the dead-letter topic it may write.
 */
describe('services on the broker as their own SCRAM users, under ACLs', () => {
  const prefix = uniqueTopicPrefix();
  const topics = new TopicNames(prefix);
  const services = ['registration', 'screening'] as const;
  let admin: Admin;
  let running: ServiceProcess[] = [];
  let screeningDb: DataSource;

  const saslEnv = (service: string) => {
    const { username, password } = localKafkaCredentials(service);
    return { KAFKA_BROKERS: testSaslBrokers().join(','), KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password };
  };

  beforeAll(async () => {
    admin = testKafka('sasl-spec-operator').admin();
    await admin.connect();
    // What the operator declares (KafkaTopic, KafkaUser): every topic and dead-letter topic, and each service's grants.
    const all = SERVICE_NAMES.flatMap((s) => [topics.of(s), topics.deadLetterOf(topics.of(s))]);
    await admin.createTopics({ waitForLeaders: true, topics: all.map((topic) => ({ topic, numPartitions: 2, replicationFactor: 1 })) });
    for (const service of services) await grantServiceAcls(admin, service, topics);
    running = services.map((service, i) => spawnService(service, serviceEnv(service, 47110 + i, { KAFKA_TOPIC_PREFIX: prefix, ...saslEnv(service) })));
    await Promise.all(running.map((p) => waitUntilReady(p, 90_000)));
    screeningDb = await connectAsService('screening', [], 1);
  }, 150_000);

  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop()));
    await screeningDb?.destroy();
    await admin.deleteAcls({
      filters: services.map((service) => ({
        resourceType: AclResourceTypes.ANY,
        resourcePatternType: ResourcePatternTypes.ANY,
        principal: `User:${kafkaUserOf(service)}`,
        host: '*',
        operation: AclOperationTypes.ANY,
        permissionType: AclPermissionTypes.ANY,
      })),
    });
    await admin.disconnect();
  });

  it("carries an admin's opened period from registration to screening", async () => {
    const [registration] = running;
    const token = testKeys().mint(randomUUID(), ['admin']);
    const post = async (path: string, json?: unknown) => {
      const res = await fetch(`${registration.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
        body: json ? JSON.stringify(json) : undefined,
      });
      const body = (await res.json()) as Record<string, unknown>;
      if (res.status !== 201) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(body)}`);
      return body;
    };
    const period = await post('/admin/periods', {
      code: `SASL-${randomUUID().slice(0, 6).toUpperCase()}`,
      name: 'Over SASL',
      agencyName: 'BKPSDM Kota Contoh',
      timeZone: 'WIB',
      registrationOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
      registrationClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
      ageReferenceDate: '2026-12-31',
      ruleVersion: 'sasl.1',
      placement: { reportingDate: '2027-03-01' },
    });
    await post(`/admin/periods/${period.id as string}/formations`, {
      code: 'PK-AP',
      position: 'Pranata Komputer Ahli Pertama',
      unit: 'Command Center',
      formationType: 'general',
      quota: 1,
      requirements: { educationLevels: ['S1'], acceptedMajors: ['Teknik Informatika'], minimumGpa: 3, documents: [] },
    });
    await post(`/admin/periods/${period.id as string}/open`);
    await waitFor(
      'screening to hold the period opened in registration',
      async () => ((await screeningDb.query('SELECT 1 FROM screening.periods WHERE period_id = $1', [period.id])) as unknown[]).length === 1,
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  });

  it("dead-letters a poison event into the consumed topic's .dlq, which screening's user may write", async () => {
    const sender = testKafka('sasl-spec-poison').producer({ allowAutoTopicCreation: false });
    await sender.connect();
    await sender.send({ topic: topics.of('registration'), acks: -1, messages: [{ key: 'k', value: 'not json', headers: { ce_id: randomUUID() } }] });
    await sender.disconnect();
    await waitFor('the poison event in the dead-letter topic', async () => (await messageCount(admin, topics.deadLetterOf(topics.of('registration')))) >= 1, {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
  });
});
