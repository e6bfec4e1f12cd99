// ESM mode: NestJS 12 ships only ES modules, so jest runs under
// --experimental-vm-modules and SWC compiles TypeScript (with decorator
// metadata, which Nest's injector and class-validator need) to ES modules.
const swc = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
  sourceMaps: 'inline',
};

// ESM-only packages that CommonJS dependencies require() (Fastify's light-my-request
// needs `cookie`, @fastify/static needs `content-disposition`). Jest's own module
// system cannot require ES modules on Node 20, so SWC compiles just these to
// CommonJS when they are required; @swc/jest picks the module type per load.
const esmRequiredByCjs = ['cookie', 'content-disposition'];

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    [`/node_modules/(${esmRequiredByCjs.join('|')})/.+\\.js$`]: [
      '@swc/jest',
      { sourceMaps: false },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmRequiredByCjs.join('|')})/)`],
  moduleNameMapper: {
    '^#(domain|event-store|projections|ledger)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/{apps,libs,tests}/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  maxWorkers: 2,
  testTimeout: 60_000,
  setupFiles: ['<rootDir>/tests/support/jest-setup.ts'],
  // Every event the suites write is scanned for personal data (docs/personal-data.md).
  globalSetup: '<rootDir>/tests/support/jest-global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/jest-global-teardown.ts',
};
