import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAll } from 'js-yaml';
import { deadLetterTopicOf, SERVICE_NAMES, ServiceName, topicOf, topicsConsumedBy } from '@seleksi/contracts';
import { kafkaUserOf, serviceAcls, TopicNames } from '@seleksi/messaging';
import { serviceRoleName } from '@seleksi/persistence';
import { loadRoutingTable } from '../edge/routes';
import { K8sObject, k8sDirectory, renderKustomization } from './kustomize';
import { ManifestValidator } from './schema-validator';

/* The manifests in deploy/k8s, rendered per overlay (no cluster needed) and checked against the
 * operators' and Kubernetes' schemas and against the code: topics, ACLs, groups, roles, routes. */

interface Container {
  name: string;
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string } }[];
  livenessProbe?: { httpGet?: { path: string } };
  readinessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  volumes?: { name: string; secret?: { secretName: string; items?: { key: string }[] } }[];
}
interface Acl {
  resource: { type: string; name: string; patternType?: string };
  operations: string[];
}

const dir = k8sDirectory();
const validator = new ManifestValidator(join(dir, 'schemas'));
const topics = new TopicNames();
const OVERLAYS = ['production', 'staging'];
const PRIVATE_KEYS = ['jwt-private.pem', 'PII_ENCRYPTION_KEY'];

function spec<T>(object: K8sObject): T {
  return object.spec as T;
}
function find(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind}/${name}`);
  return found;
}
function podSpec(object: K8sObject): PodSpec {
  return spec<{ template: { spec: PodSpec } }>(object).template.spec;
}
function secretKeysUsed(pod: PodSpec): { secret: string; key: string }[] {
  const fromEnv = [...pod.containers, ...(pod.initContainers ?? [])].flatMap((c) =>
    (c.env ?? []).flatMap((e) => (e.valueFrom?.secretKeyRef ? [{ secret: e.valueFrom.secretKeyRef.name, key: e.valueFrom.secretKeyRef.key }] : [])),
  );
  // A secret volume without items mounts every key: reported as '*', which the tests refuse.
  const fromVolumes = (pod.volumes ?? []).flatMap(({ secret }) =>
    secret ? (secret.items ?? [{ key: '*' }]).map((item) => ({ secret: secret.secretName, key: item.key })) : [],
  );
  return [...fromEnv, ...fromVolumes];
}
const sortedObjects = (objects: K8sObject[]) => [...objects].sort((a, b) => `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`));

describe('deploy/k8s', () => {
  describe.each(OVERLAYS)('overlay %s', (overlay) => {
    const objects = renderKustomization(join(dir, 'overlays', overlay));

    it('renders the same objects as kubectl kustomize, where kubectl is installed', () => {
      const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
      if (kubectl.status !== 0) return; // deploy/test.sh has no kubectl to offer; the schema checks below still run
      const rendered = execFileSync('kubectl', ['kustomize', join(dir, 'overlays', overlay)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      expect(sortedObjects(objects)).toEqual(sortedObjects(loadAll(rendered) as K8sObject[]));
    });

    it('validates every object against its Kubernetes or operator schema', () => {
      const problems = objects.flatMap((object) => validator.validate(object).map((p) => `${object.kind}/${object.metadata.name} ${p}`));
      expect(problems).toEqual([]);
      expect(objects.every((o) => o.metadata.namespace === (overlay === 'production' ? 'seleksi' : 'seleksi-staging'))).toBe(true);
    });

    it('runs Kafka in KRaft mode on three brokers with SCRAM users and the simple authorizer', () => {
      const pools = objects.filter((o) => o.kind === 'KafkaNodePool').map((o) => spec<{ replicas: number; roles: string[] }>(o));
      const count = (role: string) => pools.filter((p) => p.roles.includes(role)).reduce((n, p) => n + p.replicas, 0);
      expect(count('broker')).toBe(3);
      expect(count('controller')).toBe(3);
      const kafka = spec<{
        kafka: { listeners: { authentication?: { type: string }; tls: boolean }[]; authorization: { type: string }; config: Record<string, unknown> };
      }>(find(objects, 'Kafka', 'seleksi-kafka')).kafka;
      expect(kafka.listeners.map((l) => [l.authentication?.type, l.tls])).toEqual([['scram-sha-512', true]]);
      expect(kafka.authorization.type).toBe('simple');
      expect(kafka.config).toMatchObject({ 'default.replication.factor': 3, 'min.insync.replicas': 2, 'auto.create.topics.enable': false });
    });

    it('declares each service topic and its dead-letter topic, replicated three times with min.insync.replicas 2', () => {
      const declared = objects
        .filter((o) => o.kind === 'KafkaTopic')
        .map((o) => spec<{ topicName: string; replicas: number; config: Record<string, unknown> }>(o));
      const expected = SERVICE_NAMES.flatMap((s) => [topicOf(s), deadLetterTopicOf(topicOf(s))]).sort();
      expect(declared.map((t) => t.topicName).sort()).toEqual(expected);
      for (const topic of declared) {
        expect(topic.replicas).toBe(3);
        expect(topic.config['min.insync.replicas']).toBe(2);
        expect(typeof topic.config['retention.ms']).toBe('number');
      }
    });

    it.each(SERVICE_NAMES)('gives %s a Kafka user that writes its own topic, reads what it consumes and joins only its group', (service: ServiceName) => {
      const user = spec<{ authentication: { type: string }; authorization: { acls: Acl[] } }>(find(objects, 'KafkaUser', kafkaUserOf(service)));
      expect(user.authentication.type).toBe('scram-sha-512');
      const granted = user.authorization.acls.flatMap((acl) => {
        expect(acl.resource.patternType ?? 'literal').toBe('literal');
        return acl.operations.map((op) => `${acl.resource.type}:${acl.resource.name}:${op}`);
      });
      const expected = serviceAcls(service, topics).flatMap((acl) => acl.operations.map((op) => `${acl.resource}:${acl.name}:${op}`));
      expect(granted.sort()).toEqual(expected.sort());
      // Every topic the service checks at start is at least describable.
      for (const topic of topics.neededBy(service)) expect(granted).toContain(`topic:${topic}:Describe`);
    });

    it('runs PostgreSQL as a three-instance CloudNativePG cluster with a role and schema per service, and backups', () => {
      const cluster = spec<{
        instances: number;
        bootstrap: { initdb: { database: string; postInitApplicationSQLRefs: { configMapRefs: { name: string; key: string }[] } } };
        managed: { roles: { name: string; login: boolean; passwordSecret: { name: string } }[] };
        backup: { barmanObjectStore: { destinationPath: string }; retentionPolicy: string };
      }>(find(objects, 'Cluster', 'seleksi-pg'));
      expect(cluster.instances).toBe(3);
      expect(cluster.managed.roles.map((r) => [r.name, r.login, r.passwordSecret.name])).toEqual(
        SERVICE_NAMES.map((s) => [serviceRoleName(s), true, `seleksi-${s}-db`]),
      );
      const [ref] = cluster.bootstrap.initdb.postInitApplicationSQLRefs.configMapRefs;
      const sql = (find(objects, 'ConfigMap', ref.name).data as Record<string, string>)[ref.key];
      expect(sql).toContain('REVOKE ALL ON SCHEMA public FROM PUBLIC;');
      for (const service of SERVICE_NAMES) {
        const role = serviceRoleName(service);
        expect(sql).toContain(`GRANT CONNECT ON DATABASE ${cluster.bootstrap.initdb.database} TO ${role};`);
        expect(sql).toContain(`CREATE SCHEMA IF NOT EXISTS ${service} AUTHORIZATION ${role};`);
        expect(sql).toContain(`ALTER ROLE ${role} IN DATABASE ${cluster.bootstrap.initdb.database} SET search_path = ${service};`);
        const secret = find(objects, 'Secret', `seleksi-${service}-db`);
        expect(secret.type).toBe('kubernetes.io/basic-auth');
        expect((secret.stringData as Record<string, string>).username).toBe(role);
      }
      expect(cluster.backup.barmanObjectStore.destinationPath).toMatch(/^s3:\/\//);
      const scheduled = objects.filter((o) => o.kind === 'ScheduledBackup').map((o) => spec<{ cluster: { name: string } }>(o).cluster.name);
      expect(scheduled).toEqual(['seleksi-pg']);
    });

    it.each(SERVICE_NAMES)('runs %s with probes, resources, a disruption budget, lag-based scaling and only its own secrets', (service: ServiceName) => {
      const deployment = find(objects, 'Deployment', `seleksi-${service}`);
      const pod = podSpec(deployment);
      const [container] = pod.containers;
      expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
      expect(container.resources?.requests).toEqual(expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }));
      expect(container.resources?.limits?.memory).toEqual(expect.any(String));
      expect(container.env?.find((e) => e.name === 'SERVICE')?.value).toBe(service);

      const labels = spec<{ template: { metadata: { labels: Record<string, string> } } }>(deployment).template.metadata.labels;
      const budget = spec<{ selector: { matchLabels: Record<string, string> } }>(find(objects, 'PodDisruptionBudget', `seleksi-${service}`));
      expect(labels).toEqual(expect.objectContaining(budget.selector.matchLabels));

      const scaled = spec<{
        scaleTargetRef: { name: string };
        maxReplicaCount: number;
        triggers: { type: string; metadata: Record<string, string>; authenticationRef?: { name: string } }[];
      }>(find(objects, 'ScaledObject', `seleksi-${service}`));
      expect(scaled.scaleTargetRef.name).toBe(`seleksi-${service}`);
      const lag = scaled.triggers.find((t) => t.type === 'kafka');
      expect(lag?.metadata.consumerGroup).toBe(topics.groupOf(service));
      expect(find(objects, 'TriggerAuthentication', lag?.authenticationRef?.name ?? '')).toBeDefined();
      // An instance beyond one per partition of what it consumes gets no partition to work on.
      const partitions = objects
        .filter((o) => o.kind === 'KafkaTopic' && topicsConsumedBy(service).includes(spec<{ topicName: string }>(o).topicName))
        .map((o) => spec<{ partitions: number }>(o).partitions);
      expect(scaled.maxReplicaCount).toBeLessThanOrEqual(Math.max(...partitions));

      // Secrets: its own Secrets, its Kafka user's, the cluster CA; the signing and PII keys only in registration.
      const used = secretKeysUsed(pod);
      const own = [`seleksi-${service}-app`, `seleksi-${service}-db`, `seleksi-${service}`, 'seleksi-kafka-cluster-ca-cert'];
      expect(used.filter((u) => !own.includes(u.secret))).toEqual([]);
      expect(used.filter((u) => u.key === '*')).toEqual([]);
      const secret = find(objects, 'Secret', `seleksi-${service}-app`).stringData as Record<string, string>;
      expect(Object.keys(secret)).toContain('jwt-public.pem');
      for (const key of PRIVATE_KEYS) {
        expect(key in secret).toBe(service === 'registration');
        expect(used.some((u) => u.key === key)).toBe(service === 'registration');
      }
      // Every key the Secret holds is used: nothing extra travels to the pod's namespace view.
      const usedKeys = used.filter((u) => u.secret === `seleksi-${service}-app`).map((u) => u.key);
      const byTrigger = ['kafka-username'];
      expect(Object.keys(secret).filter((k) => !usedKeys.includes(k) && !byTrigger.includes(k))).toEqual([]);
    });

    it('keeps the topics partitioned as the services are told (KAFKA_PARTITIONS)', () => {
      const settings = find(objects, 'ConfigMap', 'seleksi-settings').data as Record<string, string>;
      const eventTopics = objects.filter((o) => o.kind === 'KafkaTopic' && !spec<{ topicName: string }>(o).topicName.endsWith('.dlq'));
      for (const topic of eventTopics) expect(spec<{ partitions: number }>(topic).partitions).toBe(Number(settings.KAFKA_PARTITIONS));
    });

    it('routes the one origin exactly as deploy/edge/routes.json', () => {
      const table = loadRoutingTable();
      const paths = objects
        .filter((o) => o.kind === 'Ingress')
        .flatMap((o) =>
          spec<{ rules: { http: { paths: { path: string; backend: { service: { name: string } } }[] } }[] }>(o).rules.flatMap((rule) =>
            rule.http.paths.map((p) => ({
              path: p.path,
              service: p.backend.service.name,
              rewrite: o.metadata.annotations?.['nginx.ingress.kubernetes.io/rewrite-target'],
            })),
          ),
        );
      const expected = [
        { path: table.portal, service: 'seleksi-edge', rewrite: undefined },
        ...table.api.map((r) => ({ path: `${r.prefix}(/|$)(.*)`, service: `seleksi-${r.service}`, rewrite: '/$2' })),
      ];
      expect(paths.sort((a, b) => a.path.localeCompare(b.path))).toEqual(expected.sort((a, b) => a.path.localeCompare(b.path)));
      const edge = podSpec(find(objects, 'Deployment', 'seleksi-edge')).containers[0];
      const upstreams = edge.env?.find((e) => e.name === 'EDGE_UPSTREAMS')?.value ?? '';
      expect(upstreams.split(',').map((u) => u.split('=')[0])).toEqual(table.api.map((r) => r.service));
    });

    it('migrates every schema as its own role in one Job', () => {
      const pod = podSpec(find(objects, 'Job', 'seleksi-migrate'));
      const steps = (pod.initContainers ?? []).map((c) => ({
        cli: c.command?.join(' '),
        user: c.env?.find((e) => e.name === 'DB_USER')?.valueFrom?.secretKeyRef?.name,
      }));
      expect(steps).toEqual(SERVICE_NAMES.map((s) => ({ cli: `node -r ./deploy/node-paths.js dist/apps/${s}/src/cli.js migrate`, user: `seleksi-${s}-db` })));
      const settings = find(objects, 'ConfigMap', 'seleksi-settings').data as Record<string, string>;
      expect(settings.MIGRATE_ON_START).toBe('false');
    });
  });

  it('rejects a misspelt field, a wrong type and an unknown kind (the validation can fail)', () => {
    const [deployment] = renderKustomization(join(dir, 'base')).filter((o) => o.kind === 'Deployment');
    const broken = JSON.parse(JSON.stringify(deployment)) as K8sObject & {
      spec: { replicas: unknown; template: { spec: { containers: Record<string, unknown>[] } } };
    };
    broken.spec.replicas = 'two';
    broken.spec.template.spec.containers[0].livenessProbes = broken.spec.template.spec.containers[0].livenessProbe;
    expect(validator.validate(broken)).toEqual(
      expect.arrayContaining(['/spec/replicas: should be integer', '/spec/template/spec/containers/0: should NOT have additional properties (livenessProbes)']),
    );
    const [user] = renderKustomization(join(dir, 'base')).filter((o) => o.kind === 'KafkaUser');
    const badUser = JSON.parse(JSON.stringify(user)) as K8sObject & { spec: { authentication: { type: string } } };
    badUser.spec.authentication.type = 'plain';
    expect(validator.validate(badUser).join('\n')).toContain('/spec/authentication/type');
    expect(validator.validate({ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'x' } })).toEqual(['no schema for example.com/v1/Thing']);
  });

  it('documents where each vendored schema came from', () => {
    const readme = readFileSync(join(dir, 'schemas', 'README.md'), 'utf8');
    const index = JSON.parse(readFileSync(join(dir, 'schemas', 'index.json'), 'utf8')) as Record<string, string>;
    for (const file of new Set(Object.values(index).map((f) => f.split('#')[0]))) expect(readme).toContain(file);
  });
});
