import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';

export const verdict = (ok: boolean): string => (ok ? 'PASS' : 'MISS');

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** What a bench hands back: its doc section, and the targets it checked. */
export interface BenchReport {
  readonly markdown: string;
  readonly targets: readonly {
    readonly name: string;
    readonly ok: boolean;
    readonly detail: string;
  }[];
}

const HEADER = `# Benchmarks

Figures written by \`npm run bench -- <name>\` (tests/bench). Each section is
replaced on a rerun; the machine is shared, so the load average is recorded
with every run and figures from a loaded machine are lower bounds.
`;

/**
 * Replaces the section between the bench's markers, or appends it, so a rerun
 * overwrites its own figures and leaves every other section alone.
 */
export async function writeSection(file: URL, name: string, body: string): Promise<void> {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const current = existsSync(file) ? await readFile(file, 'utf8') : HEADER;
  const section = `${start}\n${body.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${current.slice(0, from)}${section}${current.slice(to + end.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  // `npm run lint` checks docs with prettier: format as it would, so a rerun leaves the doc clean.
  const options = (await resolveConfig(fileURLToPath(file))) ?? {};
  await writeFile(file, await format(next, { ...options, parser: 'markdown' }));
}
