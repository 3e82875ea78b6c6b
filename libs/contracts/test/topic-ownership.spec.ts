import { eventOutsideItsTopic } from '@seleksi/contracts';

describe(eventOutsideItsTopic.name, () => {
  it.each([
    ['id.seleksi.placement.CandidatePlaced.v1', 'seleksi.placement.v1'],
    ['id.seleksi.registration.ApplicationSubmitted.v1', 'seleksi.registration.v1'],
    ['id.seleksi.skb.SkbResultFinalized.v2', 'tab12cd34ef.seleksi.skb.v1'],
  ])('accepts %s on %s', (type, topic) => {
    expect(eventOutsideItsTopic(type, topic)).toBeNull();
  });

  it.each([
    ['id.seleksi.placement.CandidatePlaced.v1', 'seleksi.screening.v1', 'does not belong to seleksi.screening.v1'],
    ['id.seleksi.registration.PeriodOpened.v1', 'staging.seleksi.skb.v1', "carries only skb's events"],
    ['com.example.Thing', 'seleksi.skb.v1', 'does not belong'],
    ['id.seleksi.skb.SkbScoresRecorded.v1', 'seleksi.skb.v1.dlq', 'is not a service topic'],
  ])('refuses %s on %s', (type, topic, reason) => {
    expect(eventOutsideItsTopic(type, topic)?.message).toContain(reason);
  });
});
