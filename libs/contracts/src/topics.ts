/** The five services of the pipeline; each publishes to exactly one topic. */
export const SERVICE_NAMES = ['registration', 'screening', 'skb', 'interview', 'placement'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value);
}

/** `seleksi.<service>.v1`: the topic a service publishes its events to. */
export function topicOf(service: ServiceName): string {
  return `seleksi.${service}.v1`;
}

/** Poison messages of a topic end up here, with the error in the headers. */
export function deadLetterTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

export function isDeadLetterTopic(topic: string): boolean {
  return topic.endsWith('.dlq');
}
