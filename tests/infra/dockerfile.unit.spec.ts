import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dockerignorePatterns, dockerignored, readDockerfile } from './support/dockerfile.js';
import { REPO, listFiles, readText, readYaml } from './support/infra-files.js';

const stages = readDockerfile();
const [build, runtime] = stages;
const args = (stage: typeof build, keyword: string): string[] =>
  stage!.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);

describe('infra/Dockerfile', () => {
  it('builds in one stage and runs in another, both on node:20-bookworm-slim', () => {
    expect(stages.map((s) => [s.from, s.name])).toEqual([
      ['node:20-bookworm-slim', 'build'],
      ['node:20-bookworm-slim', 'runtime'],
    ]);
    const run = args(build, 'RUN').join(' && ');
    expect(run).toMatch(/npm ci\b/);
    expect(run).toMatch(/npm run build && npm prune --omit=dev/);
  });

  it('runs as the non-root node user, the API by default', () => {
    expect(args(runtime, 'USER')).toEqual(['node']);
    expect(args(runtime, 'CMD')).toEqual(['["node", "dist/apps/api/src/main.js"]']);
  });

  it('gives the build every input tsconfig.build.json compiles, and the context holds them', () => {
    const copied = args(build, 'COPY').flatMap((a) => a.split(/\s+/).slice(0, -1));
    const include = (JSON.parse(readText('tsconfig.build.json')) as { include: string[] }).include;
    const patterns = dockerignorePatterns();
    for (const glob of include) {
      const top = glob.split('/')[0]!;
      expect(copied).toContain(top);
      expect(dockerignored(patterns, top)).toBe(false);
    }
    for (const file of ['package.json', 'package-lock.json', 'tsconfig.base.json', ...copied])
      expect([file, dockerignored(patterns, file)]).toEqual([file, false]);
  });

  it('ships what the processes read at run time: code, production modules, reference data, probes', () => {
    const fromBuild = args(runtime, 'COPY')
      .filter((a) => a.startsWith('--from=build'))
      .map((a) => a.split(/\s+/)[1]!.replace('/app/', ''));
    expect(fromBuild).toEqual(
      expect.arrayContaining(['package.json', 'node_modules', 'dist/apps', 'dist/libs']),
    );
    const dataDirs = listFiles('libs')
      .map((f) => /^libs\/[^/]+\/reference-data/.exec(f)?.[0])
      .filter((dir) => dir !== undefined);
    expect(dataDirs.length).toBeGreaterThan(0);
    for (const dir of new Set(dataDirs)) expect(fromBuild).toContain(dir);
    // tsc emits only JavaScript: any other file the code reads must be copied on its own.
    const assets = ['apps', 'libs'].flatMap(listFiles).filter((f) => !f.endsWith('.ts'));
    for (const asset of assets)
      expect([asset, fromBuild.some((dir) => asset.startsWith(`${dir}/`))]).toEqual([asset, true]);
    expect(args(runtime, 'COPY')).toContain('infra/probes ./infra/probes');
    expect(dockerignored(dockerignorePatterns(), 'infra/probes/redis-ping.mjs')).toBe(false);
  });

  it('keeps dependencies, build output, secrets and local data out of the context', () => {
    const patterns = dockerignorePatterns();
    for (const path of [
      'node_modules/x',
      'dist/apps',
      '.git/HEAD',
      'infra/.env',
      '.ledger/events',
      'docs/api.md',
    ])
      expect([path, dockerignored(patterns, path)]).toEqual([path, true]);
  });

  it('every entry point the deployment files run is compiled from a source that exists', () => {
    const texts = [
      readText('infra/Dockerfile'),
      ...listFiles('infra')
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => JSON.stringify(readYaml(f))),
    ];
    const entries = new Set(
      texts.flatMap((t) => [...t.matchAll(/dist\/([\w/-]+)\.js/g)].map((m) => m[1]!)),
    );
    expect([...entries].sort()).toEqual([
      'apps/api/src/main',
      'apps/cli/src/main',
      'apps/projector/src/main',
    ]);
    for (const entry of entries) expect(existsSync(join(REPO, `${entry}.ts`))).toBe(true);
  });
});

describe('the .dockerignore matcher', () => {
  it('follows the last matching pattern, directories and globs', () => {
    const patterns = ['infra', '!infra/probes', '**/*.log', 'dist'];
    expect(dockerignored(patterns, 'infra/k8s/x.yaml')).toBe(true);
    expect(dockerignored(patterns, 'infra/probes/http-get.mjs')).toBe(false);
    expect(dockerignored(patterns, 'apps/x/debug.log')).toBe(true);
    expect(dockerignored(patterns, 'apps/dist/x')).toBe(false);
    expect(dockerignored(patterns, 'dist/apps/x.js')).toBe(true);
  });
});
