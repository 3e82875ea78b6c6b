import { TopicCreation } from '../kafka/kafka-settings';

export interface ConsumerSettings {
  /** Names the inbox rows and the consumer group (`<groupPrefix><consumer>`). */
  consumer: string;
  groupId: string;
  topics: string[];
  /** Created at start if missing (own topic, consumed topics and their dead-letter topics). */
  ensureTopics: string[];
  partitions: number;
  /** Replication, min.insync.replicas and dead-letter retention of the topics it creates (as the relay's). */
  topicCreation?: Omit<TopicCreation, 'partitions'>;
  schema: string;
  /** Events applied in one transaction (a Kafka batch is cut into chunks of this size). */
  batchSize: number;
  maxAttempts: number;
  retryInitialMs: number;
  retryMaxMs: number;
  partitionsConsumedConcurrently: number;
  sessionTimeoutMs: number;
  /** How long to wait between attempts to reach Kafka at boot. */
  connectRetryMaxMs: number;
}
