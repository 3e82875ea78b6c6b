import { ServiceName } from '@seleksi/contracts';
import { TopicNames } from '@seleksi/messaging';

describe(TopicNames.name, () => {
  it.each<[string, ServiceName, string]>([
    ['', 'registration', 'seleksi.registration.v1'],
    ['', 'skb', 'seleksi.skb.v1'],
    ['staging.', 'screening', 'staging.seleksi.screening.v1'],
    ['test-42.', 'placement', 'test-42.seleksi.placement.v1'],
  ])('with prefix "%s" names the topic of %s %s', (prefix, service, topic) => {
    expect(new TopicNames(prefix).of(service)).toBe(topic);
  });

  it('has no prefix by default', () => {
    expect(new TopicNames().of('interview')).toBe('seleksi.interview.v1');
  });

  it.each([
    ['seleksi.skb.v1', 'seleksi.skb.v1.dlq'],
    ['staging.seleksi.skb.v1', 'staging.seleksi.skb.v1.dlq'],
  ])('puts the dead letters of %s on %s', (topic, deadLetters) => {
    expect(new TopicNames('staging.').deadLetterOf(topic)).toBe(deadLetters);
  });

  it.each<[string, ServiceName, string[]]>([
    ['', 'interview', ['seleksi.registration.v1', 'seleksi.skb.v1']],
    ['', 'skb', ['seleksi.registration.v1', 'seleksi.screening.v1']],
    ['staging.', 'placement', ['staging.seleksi.interview.v1', 'staging.seleksi.registration.v1', 'staging.seleksi.skb.v1']],
  ])('with prefix "%s" lists the topics %s reads', (prefix, service, topics) => {
    expect(new TopicNames(prefix).consumedBy(service)).toEqual(topics);
  });

  it.each<[string, ServiceName, string[]]>([
    [
      '',
      'interview',
      ['seleksi.interview.v1', 'seleksi.interview.v1.dlq', 'seleksi.registration.v1', 'seleksi.registration.v1.dlq', 'seleksi.skb.v1', 'seleksi.skb.v1.dlq'],
    ],
    [
      'ci.',
      'skb',
      [
        'ci.seleksi.registration.v1',
        'ci.seleksi.registration.v1.dlq',
        'ci.seleksi.screening.v1',
        'ci.seleksi.screening.v1.dlq',
        'ci.seleksi.skb.v1',
        'ci.seleksi.skb.v1.dlq',
      ],
    ],
  ])('with prefix "%s" gives %s its own topic, the ones it reads and their dead-letter topics, sorted', (prefix, service, topics) => {
    expect(new TopicNames(prefix).neededBy(service)).toEqual(topics);
  });

  it('needs every topic and dead-letter topic for registration, which hears from all stages', () => {
    const needed = new TopicNames().neededBy('registration');
    expect(needed).toHaveLength(10);
    expect(new Set(needed).size).toBe(needed.length);
  });
});
