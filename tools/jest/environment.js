// The Jest environment of every test file: Node's, plus one clean-up when the file ends. Test files
// make their own prefixed topics on the shared broker (libs/testing rememberTopicPrefix); they are
// deleted here, after the file's own afterAll hooks have stopped its services, so that the broker
// holds one file's topics at a time. A broker with a whole suite's topics (thousands of partitions)
// took over 90 s to restart, longer than the fault drills wait for it.
const { TestEnvironment } = require('jest-environment-node');
const { Kafka, logLevel } = require('kafkajs');

const PREFIXES = '__seleksiTopicPrefixes';
// Only generated prefixes (`t<hex>.` and the like): never an empty or short one that could match every topic.
const SAFE_PREFIX = /^[a-z][a-z0-9-]{3,}\.$/;

class SeleksiTestEnvironment extends TestEnvironment {
  async teardown() {
    const prefixes = [...(this.global[PREFIXES] ?? [])].filter((p) => SAFE_PREFIX.test(p));
    if (prefixes.length > 0) await deleteTopics(prefixes);
    await super.teardown();
  }
}

async function deleteTopics(prefixes) {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const admin = new Kafka({ clientId: 'seleksi-test-cleanup', brokers, logLevel: logLevel.NOTHING, retry: { retries: 2 } }).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((t) => prefixes.some((p) => t.startsWith(p)));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  } catch (error) {
    // A broker that is down (a test stopped it) leaves the topics for later; the tests are unaffected.
    process.stderr.write(`note: could not delete this file's test topics (${error.message})\n`);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

module.exports = SeleksiTestEnvironment;
