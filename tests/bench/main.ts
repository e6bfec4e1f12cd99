import 'reflect-metadata';
import { commandsBench } from './commands.bench.js';
import { eventStoreBench } from './event-store.bench.js';
import { projectionsBenchEntry } from './projections.bench.js';
import { snapshotsBenchEntry } from './snapshots.bench.js';
import { type BenchReport, verdict, writeSection } from './support/report.js';

/** dist/tests/bench/main.js → docs/benchmarks.md at the repository root. */
const DOC = new URL('../../../docs/benchmarks.md', import.meta.url);
import { positiveFlag } from './support/flags.js';

interface Args {
  readonly flags: ReadonlyMap<string, string>;
  readonly writeDoc: boolean;
}

type Bench = (args: Args) => Promise<BenchReport>;

const positive = (args: Args, name: string, fallback: number): number =>
  positiveFlag(args.flags, name, fallback);

const BENCHES: Readonly<Record<string, { readonly summary: string; readonly run: Bench }>> = {
  'event-store': {
    summary:
      'appends and read-all on PostgreSQL (vs raw pg and emmett) and PGlite [--events 100000]',
    run: (args) => eventStoreBench({ events: positive(args, 'events', 100_000) }),
  },
  commands: {
    summary:
      'commands/s and latency through the CommandBus and HTTP, and on a 100,000-event stream ' +
      '[--commands 4000] [--councils 320] [--long 100000] [--cold-budget-s 600]',
    run: (args) =>
      commandsBench({
        commands: positive(args, 'commands', 4_000),
        councils: positive(args, 'councils', 320),
        longStream: positive(args, 'long', 100_000),
        coldBudgetSeconds: positive(args, 'cold-budget-s', 600),
      }),
  },
  projections: projectionsBenchEntry,
  snapshots: snapshotsBenchEntry,
};

function usage(): string {
  const lines = Object.entries(BENCHES).map(
    ([name, bench]) => `  ${name.padEnd(12)} ${bench.summary}`,
  );
  return [
    'usage: npm run bench -- <name> [--flag value …] [--no-doc]',
    '',
    ...lines,
    '',
    `Figures go to stdout and into ${DOC.pathname} (its bench:<name> section) unless --no-doc.`,
  ].join('\n');
}

function parseArgs(argv: readonly string[]): Args {
  const flags = new Map<string, string>();
  let writeDoc = true;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--no-doc') writeDoc = false;
    else if (arg.startsWith('--') && argv[index + 1] !== undefined)
      flags.set(arg.slice(2), argv[++index]!);
    else throw new RangeError(`unexpected argument ${JSON.stringify(arg)}`);
  }
  return { flags, writeDoc };
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const bench = name === undefined ? undefined : BENCHES[name];
  if (name === undefined || bench === undefined) {
    process.stderr.write(
      `${name === undefined ? '' : `unknown bench ${JSON.stringify(name)}\n\n`}${usage()}\n`,
    );
    return 2;
  }
  const args = parseArgs(rest);
  const report = await bench.run(args);
  process.stdout.write(`${report.markdown}\n\n`);
  for (const target of report.targets) {
    process.stdout.write(`${verdict(target.ok)}  ${target.name}: ${target.detail}\n`);
  }
  if (args.writeDoc) {
    await writeSection(DOC, name, report.markdown);
    process.stdout.write(`\nwrote the ${name} section of ${DOC.pathname}\n`);
  }
  return 0;
}

// Exit explicitly: a bench is done when its figures are out, whatever handles a library left open.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
