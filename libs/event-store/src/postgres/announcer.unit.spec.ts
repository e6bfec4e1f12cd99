import { describe, expect, it } from '@jest/globals';
import { Announcer } from './announcer.js';

/** A manual clock: sleeping advances it, so the test never waits for real time. */
function harness(intervalMs = 5) {
  let clock = 1_000;
  const sentAt: number[] = [];
  const sleeps: number[] = [];
  let onSend: () => void = () => undefined;
  const announcer = new Announcer(
    async () => {
      sentAt.push(clock);
      // A NOTIFY is a round trip: appends committing meanwhile run while it is awaited.
      await Promise.resolve();
      onSend();
    },
    intervalMs,
    () => clock,
    async (ms) => {
      sleeps.push(ms);
      clock += ms;
    },
  );
  return {
    announcer,
    sentAt,
    sleeps,
    advance: (ms: number) => (clock += ms),
    whileSending: (action: () => void) => (onSend = action),
  };
}

describe('Announcer', () => {
  it('sends the first announcement at once', async () => {
    const { announcer, sentAt, sleeps } = harness();
    announcer.announce();
    await announcer.idle();
    expect(sentAt).toEqual([1_000]);
    expect(sleeps).toEqual([]);
  });

  it('folds announcements made while sending into one more, no sooner than the interval', async () => {
    const { announcer, sentAt, whileSending } = harness(5);
    let during = 3;
    whileSending(() => {
      // Appends that commit while a NOTIFY is in flight.
      for (; during > 0; during -= 1) announcer.announce();
    });
    announcer.announce();
    await announcer.idle();
    expect(sentAt).toEqual([1_000, 1_005]);
  });

  it('keeps at most one NOTIFY per interval under a steady stream, and never drops the last', async () => {
    const { announcer, sentAt, advance, whileSending } = harness(5);
    let appends = 20;
    whileSending(() => {
      // Each send takes 1 ms, during which another append commits.
      advance(1);
      if (appends-- > 0) announcer.announce();
    });
    announcer.announce();
    await announcer.idle();
    const gaps = sentAt.slice(1).map((at, n) => at - sentAt[n]!);
    expect(gaps.every((gap) => gap >= 5)).toBe(true);
    // 21 announcements, one per send: each send carried the one made during the previous.
    expect(sentAt).toHaveLength(21);
  });

  it('sends again at once after a quiet spell', async () => {
    const { announcer, sentAt, advance, sleeps } = harness(5);
    announcer.announce();
    await announcer.idle();
    advance(100);
    announcer.announce();
    await announcer.idle();
    expect(sentAt).toEqual([1_000, 1_100]);
    expect(sleeps).toEqual([]);
  });

  it('survives a failing send', async () => {
    let calls = 0;
    const announcer = new Announcer(async () => {
      calls += 1;
      throw new Error('connection lost');
    }, 0);
    announcer.announce();
    await announcer.idle();
    announcer.announce();
    await announcer.idle();
    expect(calls).toBe(2);
  });
});
