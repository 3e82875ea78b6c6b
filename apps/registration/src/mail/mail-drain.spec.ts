import { retryDelaySeconds } from './mail-drain';

describe(retryDelaySeconds.name, () => {
  it.each([
    [1, 30],
    [2, 60],
    [3, 120],
    [7, 1920],
    [8, 3600],
    [40, 3600],
  ])('waits after failed attempt %i: %i s (from 30 s, doubling, capped at an hour)', (attempts, seconds) => {
    expect(retryDelaySeconds(attempts, 30, 3600)).toBe(seconds);
  });
});
