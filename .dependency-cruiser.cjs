/**
 * Dependencies point inward: apps -> ledger -> (projections, event-store) -> domain.
 * Each lib is entered only through its index (the `#name` import); the domain
 * imports nothing outside itself.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'libs/domain imports nothing outside itself (no Nest, no store, no Redis, no I/O); its specs may read fixtures.',
      severity: 'error',
      from: { path: '^libs/domain/', pathNot: '\\.spec\\.ts$' },
      to: { pathNot: '^libs/domain/' },
    },
    {
      name: 'libs-only-through-index',
      comment: 'Apps and tests reach a lib only through its src/index.ts (the #name import).',
      severity: 'error',
      from: { path: '^(apps|tests)/' },
      to: { path: '^libs/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'libs-reach-other-libs-through-index',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'event-store-points-inward',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '^(libs/(projections|ledger)|apps|tests)/' },
    },
    {
      name: 'projections-point-inward',
      severity: 'error',
      from: { path: '^libs/projections/' },
      to: { path: '^(libs/ledger|apps|tests)/' },
    },
    {
      name: 'ledger-points-inward',
      severity: 'error',
      from: { path: '^libs/ledger/' },
      to: { path: '^(apps|tests)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      mainFields: ['types', 'module', 'main'],
    },
  },
};
