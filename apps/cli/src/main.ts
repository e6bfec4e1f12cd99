import 'reflect-metadata';
import { Command } from 'commander';
import { tokenCommand } from './commands/token.command.js';
import { councilsCommand } from './commands/councils.command.js';
import { importCommand } from './commands/import.command.js';
import { projectionsCommand } from './commands/projections.command.js';
import { reportCommand } from './commands/report.command.js';

const program = new Command('ledger')
  .description('The council engagement ledger: tokens, register import, bulk import, reports')
  .showHelpAfterError()
  .exitOverride();

program.addCommand(tokenCommand());
program.addCommand(councilsCommand());
program.addCommand(importCommand());
program.addCommand(projectionsCommand());
program.addCommand(reportCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { exitCode?: number }).exitCode;
  if (typeof code === 'number') process.exit(code);
  console.error(`ledger: ${(error as Error).message}`);
  process.exit(1);
}
