import { Command, InvalidArgumentError } from 'commander';
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { INestApplicationContext } from '@nestjs/common';
import { isIsoDate } from '#domain';
import {
  type Actor,
  Clock,
  CreateSnapshot,
  type CreateSnapshotDto,
  ReadSnapshots,
  type Snapshot,
  parseLedgerCut,
} from '#ledger';
import { withLedger } from './ledger-context.js';

interface QuarterlyOptions {
  readonly fy: number;
  readonly quarter: number;
  readonly asOf?: string;
  readonly date?: string;
  readonly out?: string;
  readonly snapshot?: boolean;
}

function integer(min: number, max: number) {
  return (text: string): number => {
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return Number(text);
  };
}

function cut(text: string): string {
  try {
    parseLedgerCut(text);
    return text;
  } catch {
    throw new InvalidArgumentError(
      'expected a ledger position, a date YYYY-MM-DD or an instant with a zone',
    );
  }
}

function date(text: string): string {
  if (!isIsoDate(text)) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return text;
}

function request(options: QuarterlyOptions): CreateSnapshotDto {
  const at = options.asOf === undefined ? {} : parseLedgerCut(options.asOf);
  return {
    kind: 'quarterly-report',
    params: {
      fy: options.fy,
      quarter: options.quarter,
      ...(options.date === undefined ? {} : { date: options.date }),
    },
    ...(at.position === undefined ? {} : { position: at.position.toString(10) }),
    ...(at.knownAt === undefined ? {} : { asKnownAt: at.knownAt }),
  };
}

interface Rendered {
  readonly html: string;
  readonly snapshot: Snapshot | undefined;
}

/** Stored: the page is rendered from the snapshot as stored, exactly as the API serves it. */
async function stored(
  ledger: INestApplicationContext,
  options: QuarterlyOptions,
  actor: Actor,
): Promise<Rendered> {
  const { snapshot } = await ledger.get(CreateSnapshot).execute(request(options), actor);
  return { html: await ledger.get(ReadSnapshots).html(snapshot.id), snapshot };
}

/** Not stored: the same computation, traced to its position and hash but to no snapshot id. */
async function preview(
  ledger: INestApplicationContext,
  options: QuarterlyOptions,
  actor: Actor,
): Promise<Rendered> {
  const now = ledger.get(Clock).now();
  const computed = await ledger.get(CreateSnapshot).compute(request(options), now);
  const html = await ledger.get(ReadSnapshots).renderHtml({
    ...computed,
    id: 'not stored (no --snapshot)',
    createdAt: now.toISOString(),
    createdBy: actor.subject,
  });
  return { html, snapshot: undefined };
}

export function reportCommand(): Command {
  const report = new Command('report').description('board reports folded from the ledger');
  report
    .command('quarterly')
    .description(
      'the quarterly report as one printable HTML page, computed from the events up to a ledger ' +
        'position (default the head); --snapshot also stores it as an immutable snapshot',
    )
    .requiredOption(
      '--fy <year>',
      'financial year by its first year: 2019 for 2019/20',
      integer(2000, 2100),
    )
    .requiredOption(
      '--quarter <n>',
      'quarter of the financial year: 1 (Apr-Jun) to 4 (Jan-Mar)',
      integer(1, 4),
    )
    .option(
      '--as-of <cut>',
      'a ledger position, or what was recorded by a date (end of day, London) or instant',
      cut,
    )
    .option(
      '--date <date>',
      'the report date; default the quarter end or today (the --as-of date), whichever is earlier',
      date,
    )
    .option('--out <file>', 'write the HTML to this file; default standard output')
    .option(
      '--snapshot',
      'store it as a snapshot (created by cli:<user>) and print its id and sha256',
    )
    .action(async (options: QuarterlyOptions) => {
      const actor: Actor = { subject: `cli:${userInfo().username}`, role: 'admin', patch: [] };
      const { html, snapshot } = await withLedger((ledger) =>
        options.snapshot ? stored(ledger, options, actor) : preview(ledger, options, actor),
      );
      if (options.out === undefined) process.stdout.write(html);
      else writeFileSync(options.out, html);
      // With the page on standard output, the receipt goes to standard error.
      const say = options.out === undefined ? console.error : console.log;
      if (options.out !== undefined) say(`wrote ${options.out}`);
      if (snapshot !== undefined) {
        say(`snapshot ${snapshot.id}`);
        say(`position ${snapshot.position}`);
        say(`sha256 ${snapshot.sha256}`);
      }
    });
  return report;
}
