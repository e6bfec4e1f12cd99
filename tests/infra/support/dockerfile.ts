import { readText } from './infra-files.js';

export interface Stage {
  readonly from: string;
  readonly name: string | undefined;
  readonly instructions: readonly { readonly keyword: string; readonly args: string }[];
}

/** The Dockerfile's stages and instructions, with continuation lines joined and comments dropped. */
export function readDockerfile(path = 'infra/Dockerfile'): Stage[] {
  const lines = readText(path)
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: {
    from: string;
    name: string | undefined;
    instructions: Stage['instructions'][number][];
  }[] = [];
  for (const line of lines) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      const [, from = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args) ?? [];
      stages.push({ from, name, instructions: [] });
    } else {
      stages
        .at(-1)
        ?.instructions.push({ keyword: keyword.toUpperCase(), args: args.replace(/\s+/g, ' ') });
    }
  }
  return stages;
}

/**
 * Whether a .dockerignore keeps a path out of the build context: the last
 * matching pattern decides, `!` re-includes, a pattern matching a directory
 * matches what is inside it, `*` stays within a path segment, `**` spans them.
 */
export function dockerignored(patterns: readonly string[], path: string): boolean {
  let ignored = false;
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw).replace(/^\/+|\/+$/g, '');
    const source = pattern
      .split('/')
      .map((part) =>
        part === '**'
          ? '.*'
          : part
              .replace(/[.+^${}()|[\]\\]/g, '\\$&')
              .replace(/\*/g, '[^/]*')
              .replace(/\?/g, '[^/]'),
      )
      .join('/')
      .replace(/^\.\*\//, '(?:.*/)?');
    if (new RegExp(`^${source}(?:/.*)?$`).test(path)) ignored = !negated;
  }
  return ignored;
}

export const dockerignorePatterns = (path = 'infra/Dockerfile.dockerignore'): string[] =>
  readText(path)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
