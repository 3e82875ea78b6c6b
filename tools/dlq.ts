import { createKafka, listDeadLetters, replayDeadLetters } from '@seleksi/messaging';

/**
 * Dead letters, for operators:
 *   dlq list <topic.dlq>
 *   dlq replay <topic.dlq> [--partition P --offset O]   (all of them without a position)
 * KAFKA_BROKERS (default 127.0.0.1:9092) says where the broker is.
 */
async function main(argv: string[]): Promise<void> {
  const [command, topic, ...rest] = argv;
  if (!['list', 'replay'].includes(command ?? '') || !topic?.endsWith('.dlq')) {
    throw new Error('usage: dlq list <topic.dlq> | dlq replay <topic.dlq> [--partition P --offset O]');
  }
  const kafka = createKafka({ brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), clientId: 'seleksi-dlq-cli' });
  const entries = await listDeadLetters(kafka, topic);
  if (command === 'list') {
    for (const e of entries) {
      process.stdout.write(
        `${e.partition}@${e.offset}\t${e.failedAt}\t${e.consumer}\t${e.eventType ?? '-'}\t${e.eventId ?? '-'}\t${e.errorKind}: ${e.error}\n`,
      );
    }
    process.stdout.write(`${entries.length} dead letter(s) in ${topic}\n`);
    return;
  }
  const flag = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const partition = flag('--partition');
  const offset = flag('--offset');
  const chosen = partition === undefined ? entries : entries.filter((e) => String(e.partition) === partition && e.offset === offset);
  if (chosen.length === 0) throw new Error(`no dead letter at partition ${partition} offset ${offset}`);
  process.stdout.write(`replayed ${await replayDeadLetters(kafka, chosen)} dead letter(s) to their original topic\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`dlq: ${error.message}\n`);
  process.exit(1);
});
