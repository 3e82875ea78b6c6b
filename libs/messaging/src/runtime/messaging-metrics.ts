import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** One registry per service instance, so several services can live in one test process. */
export class MessagingMetrics {
  readonly registry = new Registry();
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly consumerLag: Gauge<'consumer' | 'topic' | 'partition'>;
  readonly outboxBacklog: Gauge<string>;
  readonly deadLetters: Counter<'consumer' | 'topic'>;
  readonly eventsConsumed: Counter<'consumer' | 'type'>;
  readonly consumerPaused: Counter<'consumer' | 'dependency'>;

  constructor(service: string, backlog: () => Promise<number>, withProcessMetrics = true) {
    this.registry.setDefaultLabels({ service });
    if (withProcessMetrics) collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.consumerLag = new Gauge({
      name: 'seleksi_consumer_lag',
      help: 'Messages behind the high watermark after the last batch, per partition',
      labelNames: ['consumer', 'topic', 'partition'],
      registers: [this.registry],
    });
    this.outboxBacklog = new Gauge({
      name: 'seleksi_outbox_backlog',
      help: 'Events in the outbox not yet published (an event batch counts the events it has left)',
      registers: [this.registry],
      async collect() {
        try {
          this.set(await backlog());
        } catch {
          this.set(-1);
        }
      },
    });
    this.deadLetters = new Counter({
      name: 'seleksi_dead_letters_total',
      help: 'Messages sent to a dead-letter topic',
      labelNames: ['consumer', 'topic'],
      registers: [this.registry],
    });
    this.eventsConsumed = new Counter({
      name: 'seleksi_events_applied_total',
      help: 'Events applied (duplicates excluded)',
      labelNames: ['consumer', 'type'],
      registers: [this.registry],
    });
    this.consumerPaused = new Counter({
      name: 'seleksi_consumer_paused_seconds_total',
      help: 'Time partitions spent waiting for a dependency that was down (summed over partitions)',
      labelNames: ['consumer', 'dependency'],
      registers: [this.registry],
    });
  }
}
