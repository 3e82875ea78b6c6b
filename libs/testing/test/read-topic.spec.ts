import { readTopic, testKafka, uniqueTopicPrefix } from '@seleksi/testing';

describe(readTopic.name, () => {
  it('reads a topic whose first records were deleted (as retention does) to its end', async () => {
    const kafka = testKafka();
    const topic = `${uniqueTopicPrefix()}read-topic`;
    const admin = kafka.admin();
    await admin.connect();
    const producer = kafka.producer();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
      await producer.connect();
      await producer.send({ topic, messages: ['a', 'b', 'c', 'd', 'e'].map((value) => ({ value })) });
      // The admin client learns the new partition's leader from a metadata refresh.
      await admin.fetchTopicMetadata({ topics: [topic] });
      await admin.deleteTopicRecords({ topic, partitions: [{ partition: 0, offset: '2' }] });

      const read = await readTopic(kafka, topic, 10_000);
      expect(read.map((m) => m.message.value?.toString())).toEqual(['c', 'd', 'e']);
    } finally {
      await producer.disconnect();
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
  });
});
