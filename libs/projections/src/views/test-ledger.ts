// A generated ledger for the order-independence property test. Pure and seeded.
import { AUTHORITY_TYPES, type OfferCatalogue, REGIONS } from '#domain';
import { dayNumber } from './shared/dates.js';
import { interaction } from './test-ledger-engagements.js';
import { CouncilWriter, Random, isoOf } from './test-ledger-writer.js';

export { type LedgerEvent, Random } from './test-ledger-writer.js';

const CONTROLS = ['Conservative', 'Labour', 'Liberal Democrat', 'No overall control'] as const;

function registry(w: CouncilWriter, random: Random): void {
  const facts = [
    ['control', random.int(1, 4)],
    ['membership', random.int(0, 2)],
    ['leader', random.int(0, 3)],
  ] as const;
  for (const [fact, count] of facts) {
    // Distinct dates per fact: two records of one fact on one day are ordered by recording.
    const days = new Set<number>([w.first]);
    while (days.size < count + 1) days.add(w.day(w.first + 1));
    const sorted = [...days].sort((a, b) => a - b).slice(fact === 'control' ? 0 : 1);
    for (const day of sorted) {
      const chain = `${fact}-${day}`;
      const late = random.chance(0.3);
      const id =
        fact === 'control'
          ? w.add(chain, 'PoliticalControlChanged', day, { control: random.pick(CONTROLS) }, late)
          : fact === 'membership'
            ? w.add(
                chain,
                'LgaMembershipChanged',
                day,
                { membership: random.pick(['member', 'non_member'] as const) },
                late,
              )
            : w.add(
                chain,
                'LeaderChanged',
                day,
                {
                  role: random.pick(['leader', 'mayor'] as const),
                  leaderId: `l${random.int(1, 3)}`,
                },
                late,
              );
      const targetType = w.events[w.events.length - 1]?.event.type ?? 'PoliticalControlChanged';
      if (random.chance(0.1)) {
        w.add(chain, 'EventRetracted', w.amendDay(day), {
          eventId: id,
          targetType,
          reason: 'wrong',
        });
      } else if (fact === 'control' && random.chance(0.15)) {
        let moved = day;
        while (days.has(moved)) moved = w.day(w.first + 1);
        days.add(moved);
        const correction = {
          control: random.pick(CONTROLS),
          ...(random.chance(0.5) ? { occurredAt: isoOf(moved) } : {}),
        };
        w.add(chain, 'EventCorrected', w.amendDay(Math.max(day, moved)), {
          eventId: id,
          targetType,
          reason: 'fix',
          correction,
        });
      }
    }
  }
}

/** Registers councils with dated registry facts, then spreads interactions over them. */
export function generateLedger(
  seed: number,
  councils: number,
  interactions: number,
  catalogue: OfferCatalogue,
) {
  const random = new Random(seed);
  const writers = Array.from({ length: councils }, (_, i) => {
    const gss = `E06${String(i + 1).padStart(6, '0')}`;
    const validFrom = random.chance(0.1) ? '2019-10-01' : null;
    const lastDay = random.chance(0.08) ? '2020-03-31' : null;
    const w = new CouncilWriter(gss, random, validFrom ?? '2012-01-01', lastDay ?? '2021-03-31');
    w.add('reg', 'CouncilRegistered', dayNumber('2010-01-01'), {
      name: `Council ${i + 1}`,
      authorityType: random.pick(AUTHORITY_TYPES),
      region: random.pick(REGIONS),
      validFrom,
      validTo: null,
    });
    if (lastDay !== null)
      w.add('abolition', 'CouncilAbolished', dayNumber(lastDay), { lastDay, successors: [] });
    registry(w, random);
    return w;
  });
  for (let n = 0; n < interactions; n += 1) interaction(random.pick(writers), random, n, catalogue);
  return writers.flatMap((w) => w.events);
}
