// The project's three named test tiers, one Jest project each:
//   unit         *.test.ts               pure logic, no servers
//   integration  *.integration.test.ts   real Postgres, Kafka and Temporal (see src/infrastructure.ts)
//   e2e          *.e2e.test.ts           the running system, over HTTP or in a browser
// Tests are ES modules compiled by SWC; run Jest with NODE_OPTIONS=--experimental-vm-modules.

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const tierSuffix = {
  unit: '.test.ts',
  integration: '.integration.test.ts',
  e2e: '.e2e.test.ts',
};

function tier(rootDir, name) {
  const others = Object.entries(tierSuffix)
    .filter(([other]) => other !== name && other !== 'unit')
    .map(([, suffix]) => `${suffix.replaceAll('.', '\\.')}$`);
  return {
    displayName: name,
    rootDir,
    testEnvironment: 'node',
    // Workspace packages resolve to their TypeScript sources, so tests need no build.
    testEnvironmentOptions: { customExportConditions: ['@cttech/source', 'node', 'node-addons'] },
    extensionsToTreatAsEsm: ['.ts'],
    transform: { '^.+\\.ts$': swc },
    testMatch: [`<rootDir>/{src,test}/**/*${tierSuffix[name]}`],
    testPathIgnorePatterns: ['/node_modules/', '/dist/', ...(name === 'unit' ? others : [])],
    setupFilesAfterEnv: [
      new URL(name === 'unit' ? './setup-unit-tier.js' : './setup-slow-tier.js', import.meta.url)
        .pathname,
    ],
  };
}

/** Jest configuration with the unit, integration and e2e projects for one package. */
export function testTiers(rootDir) {
  return {
    rootDir,
    projects: Object.keys(tierSuffix).map((name) => tier(rootDir, name)),
    reporters: ['default', new URL('./results-reporter.js', import.meta.url).pathname],
    // a failing CI must say why, not hang on an open handle
    forceExit: process.env.CI === 'true',
  };
}
