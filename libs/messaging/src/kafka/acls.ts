import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, Admin, ResourcePatternTypes } from 'kafkajs';
import { ServiceName } from '@seleksi/contracts';
import { TopicNames } from './topic-names';

export type AclOperation = 'Read' | 'Write' | 'Describe';

/** One grant of a service's Kafka user: the same list becomes the KafkaUser ACLs (deploy/k8s) and the local broker's. */
export interface ServiceAcl {
  resource: 'topic' | 'group';
  name: string;
  operations: AclOperation[];
}

/** `seleksi-<service>`: the Kafka user a service connects as. */
export function kafkaUserOf(service: ServiceName): string {
  return `seleksi-${service}`;
}

/**
 * What a service may do on the broker: write its own topic; read the topics it consumes and write
 * their dead-letter topics (a consumer dead-letters to the consumed topic's `.dlq`); describe its own
 * `.dlq` (checked at start); read its own consumer group. Nothing else, so a service that writes
 * another service's topic is refused by the broker.
 */
export function serviceAcls(service: ServiceName, topics: TopicNames): ServiceAcl[] {
  const own = topics.of(service);
  return [
    { resource: 'topic', name: own, operations: ['Write', 'Describe'] },
    { resource: 'topic', name: topics.deadLetterOf(own), operations: ['Describe'] },
    ...topics.consumedBy(service).flatMap((topic): ServiceAcl[] => [
      { resource: 'topic', name: topic, operations: ['Read', 'Describe'] },
      { resource: 'topic', name: topics.deadLetterOf(topic), operations: ['Write', 'Describe'] },
    ]),
    { resource: 'group', name: topics.groupOf(service), operations: ['Read', 'Describe'] },
  ];
}

const OPERATIONS: Record<AclOperation, AclOperationTypes> = {
  Read: AclOperationTypes.READ,
  Write: AclOperationTypes.WRITE,
  Describe: AclOperationTypes.DESCRIBE,
};

/** Grants a service's ACLs on a broker running the StandardAuthorizer (the local broker; Strimzi does it from the KafkaUser in a cluster). */
export async function grantServiceAcls(admin: Admin, service: ServiceName, topics: TopicNames): Promise<void> {
  await admin.createAcls({
    acl: serviceAcls(service, topics).flatMap((grant) =>
      grant.operations.map((operation) => ({
        resourceType: grant.resource === 'topic' ? AclResourceTypes.TOPIC : AclResourceTypes.GROUP,
        resourceName: grant.name,
        resourcePatternType: ResourcePatternTypes.LITERAL,
        principal: `User:${kafkaUserOf(service)}`,
        host: '*',
        operation: OPERATIONS[operation],
        permissionType: AclPermissionTypes.ALLOW,
      })),
    ),
  });
}
