import { describe, expect, it } from '@jest/globals';
import { Announcer } from './announcer.js';

/** Lets every promise chain that can move on do so. */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A manual clock and timer queue: time moves only when the test advances it. */
function harness(intervalMs: number) {
  let clock = 1_000;
  const timers: { at: number; fire: () => void }[] = [];
  const sentAt: number[] = [];
  const announcedAt: number[] = [];
  let whileSending: () => void = () => undefined;
  const announcer = new Announcer(
    async () => {
      sentAt.push(clock);
      // A NOTIFY is a round trip: appends committing meanwhile run while it is awaited.
      await Promise.resolve();
      whileSending();
    },
    intervalMs,
    () => clock,
    (ms) => new Promise<void>((fire) => timers.push({ at: clock + ms, fire })),
  );
  return {
    announcer,
    sentAt,
    announcedAt,
    announce: () => {
      announcedAt.push(clock);
      announcer.announce();
    },
    onSend: (action: () => void) => (whileSending = action),
    /** Moves the clock on in 0.5 ms steps, firing due timers and letting the drain run. */
    advance: async (ms: number) => {
      for (let step = 0; step < ms; step += 0.5) {
        clock += 0.5;
        for (const timer of timers.filter(({ at }) => at <= clock)) {
          timers.splice(timers.indexOf(timer), 1);
          timer.fire();
        }
        await settle();
      }
    },
  };
}

const gapsOf = (times: readonly number[]): number[] =>
  times.slice(1).map((at, n) => at - times[n]!);

describe('Announcer', () => {
  it('sends the first announcement at once', async () => {
    const { announcer, announce, sentAt } = harness(10);
    announce();
    await announcer.idle();
    expect(sentAt).toEqual([1_000]);
  });

  it('folds announcements made while sending into one more, no sooner than the interval', async () => {
    const { announcer, announce, sentAt, onSend, advance } = harness(10);
    let during = 3;
    onSend(() => {
      for (; during > 0; during -= 1) announce();
    });
    announce();
    await advance(20);
    await announcer.idle();
    expect(sentAt).toEqual([1_000, 1_010]);
  });

  it('sends at most one NOTIFY per interval to a steady writer, and never drops the last', async () => {
    // One writer appending every 1 ms; each NOTIFY finishes before the next append,
    // so coalescing must not depend on an append arriving while one is in flight.
    const { announcer, announce, sentAt, announcedAt, advance } = harness(10);
    for (let append = 0; append < 50; append += 1) {
      announce();
      await advance(1);
    }
    await advance(20);
    await announcer.idle();
    expect(gapsOf(sentAt).every((gap) => gap >= 10)).toBe(true);
    expect(sentAt.length).toBeLessThanOrEqual(6);
    expect(sentAt.at(-1)!).toBeGreaterThanOrEqual(announcedAt.at(-1)!);
  });

  it('sends again at once after a quiet spell', async () => {
    const { announcer, announce, sentAt, advance } = harness(10);
    announce();
    await announcer.idle();
    await advance(100);
    announce();
    await announcer.idle();
    expect(sentAt).toEqual([1_000, 1_100]);
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
