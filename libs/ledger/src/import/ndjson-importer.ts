import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DomainError } from '#domain';
import type { Actor } from '../auth/actor.js';
import { LedgerError } from '../errors.js';
import { ExecuteCouncilCommand, type CommandResult } from '../write/execute-council-command.js';
import { parseImportLine, RejectedLine } from './parse-import-line.js';

export interface ImportRejection {
  readonly line: number;
  readonly reason: string;
}

export interface ImportReport {
  readonly lines: number;
  readonly applied: number;
  /** Lines whose command changed nothing: a replayed key, or already so. */
  readonly unchanged: number;
  readonly eventsWritten: number;
  readonly rejected: readonly ImportRejection[];
}

interface Line {
  readonly number: number;
  readonly text: string;
}

const PARALLEL_COUNCILS = 8;

/**
 * Applies an NDJSON file through the same handler as the API. Good lines are
 * applied while bad ones are reported; one council's lines keep their file
 * order, councils run in parallel. Store failures stop the import (rerunning
 * it is safe: every line is idempotent).
 */
@Injectable()
export class NdjsonImporter {
  constructor(private readonly commandBus: CommandBus) {}

  async importFile(
    file: string,
    actor: Actor,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ImportReport> {
    const lines: Line[] = [];
    let number = 0;
    for await (const text of createInterface({
      input: createReadStream(file, 'utf8'),
      crlfDelay: Infinity,
    })) {
      number++;
      if (text.trim() !== '') lines.push({ number, text });
    }
    return this.importLines(lines, actor, onProgress);
  }

  async importLines(
    lines: readonly Line[],
    actor: Actor,
    onProgress?: (done: number, total: number) => void,
  ): Promise<ImportReport> {
    const rejected: ImportRejection[] = [];
    const byCouncil = new Map<
      string,
      { line: Line; parsed: Awaited<ReturnType<typeof parseImportLine>> }[]
    >();
    let done = 0;
    for (const line of lines) {
      try {
        const parsed = await parseImportLine(line.text);
        const queue = byCouncil.get(parsed.command.data.gss) ?? [];
        queue.push({ line, parsed });
        byCouncil.set(parsed.command.data.gss, queue);
      } catch (error) {
        if (!(error instanceof RejectedLine)) throw error;
        rejected.push({ line: line.number, reason: error.message });
        onProgress?.(++done, lines.length);
      }
    }
    let applied = 0;
    let unchanged = 0;
    let eventsWritten = 0;
    const councils = [...byCouncil.values()];
    const worker = async (): Promise<void> => {
      for (let queue = councils.shift(); queue; queue = councils.shift()) {
        for (const { line, parsed } of queue) {
          try {
            const result: CommandResult = await this.commandBus.execute(
              new ExecuteCouncilCommand(parsed.command, actor, {
                idempotencyKey: parsed.idempotencyKey,
              }),
            );
            if (result.eventIds.length > 0) applied++;
            else unchanged++;
            eventsWritten += result.eventIds.length;
          } catch (error) {
            if (!(error instanceof DomainError) && !(error instanceof LedgerError)) throw error;
            rejected.push({ line: line.number, reason: `${error.name}: ${error.message}` });
          }
          onProgress?.(++done, lines.length);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_COUNCILS }, worker));
    rejected.sort((a, b) => a.line - b.line);
    return { lines: lines.length, applied, unchanged, eventsWritten, rejected };
  }
}
