import { Command } from 'commander';
import { RegisterImporter } from '#ledger';
import { withLedger } from './ledger-context.js';
import { progress } from './progress.js';

export function councilsCommand(): Command {
  const councils = new Command('councils').description('the council register');
  councils
    .command('import')
    .description(
      'load the reference register (councils, political control) through the register commands; re-running appends nothing',
    )
    .action(async () => {
      await withLedger(async (ledger) => {
        const bar = progress('councils');
        const report = await ledger
          .get(RegisterImporter)
          .importReferenceRegister((done, total) => bar.update(done, total));
        bar.stop();
        for (const { idempotencyKey, reason } of report.refused)
          console.log(`refused ${idempotencyKey}: ${reason}`);
        console.log(
          `${report.councils} councils, ${report.commands} facts checked, ${report.eventsWritten} events written, ` +
            `${report.refused.length} refused`,
        );
        if (report.refused.length > 0) process.exitCode = 2;
      });
    });
  return councils;
}
