import { Command } from 'commander';
import { userInfo } from 'node:os';
import { writeFileSync } from 'node:fs';
import { type Actor, NdjsonImporter } from '#ledger';
import { withLedger } from './ledger-context.js';
import { progress } from './progress.js';

export function importCommand(): Command {
  return new Command('import')
    .description(
      'apply an NDJSON file of commands (docs/import-format.md) through the same handlers as the API; ' +
        'bad lines are reported, good lines applied; re-running appends nothing',
    )
    .argument('<file>', 'NDJSON file, one {"command","council","data","idempotencyKey"} per line')
    .option(
      '--recorded-by <subject>',
      'who the events are recorded by',
      `import:${userInfo().username}`,
    )
    .option(
      '--rejects <file>',
      'also write the rejected lines as NDJSON {line, reason} to this file',
    )
    .action(async (file: string, options: { recordedBy: string; rejects?: string }) => {
      const actor: Actor = { subject: options.recordedBy, role: 'admin', patch: [] };
      const report = await withLedger(async (ledger) => {
        const bar = progress('import');
        try {
          return await ledger
            .get(NdjsonImporter)
            .importFile(file, actor, (done, total) => bar.update(done, total));
        } finally {
          bar.stop();
        }
      });
      for (const { line, reason } of report.rejected) console.log(`line ${line}: ${reason}`);
      if (options.rejects) {
        writeFileSync(
          options.rejects,
          report.rejected.map((r) => JSON.stringify(r)).join('\n') +
            (report.rejected.length ? '\n' : ''),
        );
      }
      console.log(
        `${report.lines} lines: ${report.applied} applied, ${report.unchanged} unchanged, ` +
          `${report.rejected.length} rejected; ${report.eventsWritten} events written`,
      );
      if (report.rejected.length > 0) process.exitCode = 2;
    });
}
