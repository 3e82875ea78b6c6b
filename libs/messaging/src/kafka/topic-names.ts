import { deadLetterTopicOf, ServiceName, topicOf, topicsConsumedBy } from '@seleksi/contracts';

/**
 * Topic names with an optional environment prefix (e.g. `staging.`), so several environments or
 * test runs can share one cluster without reading each other's events.
 */
export class TopicNames {
  constructor(readonly prefix = '') {}

  of(service: ServiceName): string {
    return `${this.prefix}${topicOf(service)}`;
  }

  deadLetterOf(topic: string): string {
    return deadLetterTopicOf(topic);
  }

  /** The consumer group of a service's instances (the Kafka ACLs grant each service its own group only). */
  groupOf(service: ServiceName): string {
    return `${this.prefix}seleksi.${service}`;
  }

  consumedBy(service: ServiceName): string[] {
    return topicsConsumedBy(service).map((t) => `${this.prefix}${t}`);
  }

  /** Its own topic, the topics it reads, and each of their dead-letter topics. */
  neededBy(service: ServiceName): string[] {
    const base = [this.of(service), ...this.consumedBy(service)];
    return [...new Set([...base, ...base.map((t) => this.deadLetterOf(t))])].sort();
  }
}
