import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '#domain';
import type { Actor } from '../auth/actor.js';
import { ExecuteCouncilCommand, type CommandResult } from '../write/execute-council-command.js';
import { councilRegisterCommands, type RegisterEntry } from './council-register.js';
import { referenceDataDir } from './reference-data-dir.js';

export const REGISTER_IMPORTER: Actor = {
  subject: 'system:register-import',
  role: 'admin',
  patch: [],
};

export interface RegisterImportReport {
  readonly commands: number;
  readonly eventsWritten: number;
  readonly councils: number;
  /** Facts the ledger refused (e.g. dated after today); the rest of the register still loads. */
  readonly refused: readonly { readonly idempotencyKey: string; readonly reason: string }[];
}

const PARALLEL_COUNCILS = 8;

/**
 * Loads the council register through the same command path as the API, with
 * idempotency keys per fact, so a re-import appends nothing.
 */
@Injectable()
export class RegisterImporter {
  constructor(private readonly commandBus: CommandBus) {}

  async importReferenceRegister(
    onProgress?: (done: number, total: number) => void,
  ): Promise<RegisterImportReport> {
    const dir = join(referenceDataDir(), 'councils');
    const entries = councilRegisterCommands(
      readFileSync(join(dir, 'councils.csv'), 'utf8'),
      readFileSync(join(dir, 'political-control.csv'), 'utf8'),
    );
    return this.importEntries(entries, onProgress);
  }

  async importEntries(
    entries: readonly RegisterEntry[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<RegisterImportReport> {
    const byCouncil = new Map<string, RegisterEntry[]>();
    for (const entry of entries) {
      const list = byCouncil.get(entry.command.data.gss) ?? [];
      list.push(entry);
      byCouncil.set(entry.command.data.gss, list);
    }
    const queue = [...byCouncil.values()];
    let done = 0;
    let eventsWritten = 0;
    const refused: { idempotencyKey: string; reason: string }[] = [];
    // Councils are independent streams; one council's facts must go in order.
    const worker = async (): Promise<void> => {
      for (let council = queue.shift(); council; council = queue.shift()) {
        for (const entry of council) {
          try {
            const result: CommandResult = await this.commandBus.execute(
              new ExecuteCouncilCommand(entry.command, REGISTER_IMPORTER, {
                idempotencyKey: entry.idempotencyKey,
              }),
            );
            eventsWritten += result.eventIds.length;
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            refused.push({
              idempotencyKey: entry.idempotencyKey,
              reason: `${error.name}: ${error.message}`,
            });
          }
          onProgress?.(++done, entries.length);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_COUNCILS }, worker));
    refused.sort((a, b) => a.idempotencyKey.localeCompare(b.idempotencyKey));
    return { commands: entries.length, eventsWritten, councils: byCouncil.size, refused };
  }
}
