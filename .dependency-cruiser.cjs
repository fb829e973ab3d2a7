/**
 * Architecture rules, checked by `npm test` (npm run boundaries). Dependencies
 * point one way: apps → feature packages → domain. See docs/architecture.md.
 */
const pkg = (name) => `^packages/${name}/`;
const app = (name) => `^apps/${name}/`;

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'No module may depend on itself through others.', from: {}, to: { circular: true } },
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      comment: 'Libraries do not know the processes that compose them.',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'packages/domain depends on nothing but itself (and Intl in the standard library).',
      from: { path: pkg('domain') },
      to: { pathNot: [pkg('domain')], dependencyTypesNot: ['core'] },
    },
    {
      name: 'domain-no-io',
      severity: 'error',
      comment: 'Domain code does no I/O: no node:fs, net, http, child_process.',
      from: { path: pkg('domain') },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'legal-is-pure',
      severity: 'error',
      comment: 'The legal engine is pure rules: it may use the domain, and no I/O (issue 3).',
      from: { path: pkg('legal') + 'src/' },
      to: { path: ['^packages/(?!domain/|legal/)', '^apps/'] },
    },
    {
      name: 'legal-no-io',
      severity: 'error',
      comment: 'No node:fs, net, http, child_process in the legal engine: time and data come in as arguments.',
      from: { path: pkg('legal') + 'src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'recovery-is-pure',
      severity: 'error',
      comment: 'The recovery engine (progression, rules of contact, calendar) is pure: the domain only, no I/O.',
      from: { path: pkg('recovery') + 'src/' },
      to: { path: ['^packages/(?!domain/|recovery/)', '^apps/'] },
    },
    {
      name: 'recovery-no-io',
      severity: 'error',
      from: { path: pkg('recovery') + 'src/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'letters-know-no-storage',
      severity: 'error',
      comment: 'Letters are rendered from facts given to them (CLI file or case): the domain and the legal engine only.',
      from: { path: pkg('letters') + 'src/' },
      to: { path: ['^packages/(?!domain/|legal/|letters/)', '^apps/'] },
    },
    {
      name: 'i18n-contract-only-domain',
      severity: 'error',
      comment: 'Messages and HTTP shapes are leaves: they may use the domain, nothing else of ours.',
      from: { path: [pkg('i18n'), pkg('contract')] },
      to: { path: ['^packages/(?!domain/|i18n/|contract/)', '^apps/'] },
    },
    {
      name: 'imports-reads-files-only',
      severity: 'error',
      comment: 'The file readers know nothing of the database, the ledger or HTTP.',
      from: { path: pkg('imports') },
      to: { path: '^packages/(db|ledger|auth|system|demo|testing)/' },
    },
    {
      name: 'use-cases-behind-ports',
      severity: 'error',
      comment: 'Use-case packages reach storage, time, ids and mail through ports, never through the adapters.',
      from: { path: '^packages/(ledger|auth)/' },
      to: { path: '^packages/(db|system|testing|demo)/' },
    },
    {
      name: 'demo-is-pure-data',
      severity: 'error',
      from: { path: pkg('demo') },
      to: { path: '^packages/(db|ledger|auth|system|imports|testing)/' },
    },
    {
      name: 'db-adapter-alone',
      severity: 'error',
      comment: 'db implements the storage ports; it does not use the other adapters, the test helpers or the demo data.',
      from: { path: '^packages/db/src/' },
      to: { path: '^packages/(system|testing|demo|config)/' },
    },
    {
      name: 'system-adapter-alone',
      severity: 'error',
      comment: 'system implements clock, ids, randomness and hashing for the domain ports, nothing else of ours.',
      from: { path: pkg('system') },
      to: { path: '^packages/(?!domain/|system/)' },
    },
    {
      name: 'config-is-a-leaf',
      severity: 'error',
      comment: 'Configuration is parsed from the environment alone.',
      from: { path: pkg('config') },
      to: { path: '^packages/(?!domain/|config/)' },
    },
    {
      name: 'testing-only-in-tests',
      severity: 'error',
      comment: 'Test helpers never ship in product code.',
      from: { path: '^(packages|apps)/[^/]+/src/', pathNot: ['^packages/testing/', '\\.test\\.tsx?$'] },
      to: { path: pkg('testing') },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      comment: 'Only the CLI composes the other processes.',
      from: { path: '^apps/(api|worker|web)/' },
      to: { path: '^apps/', pathNot: ['^apps/(api|worker|web)/'] },
    },
    {
      name: 'api-and-worker-independent',
      severity: 'error',
      from: { path: [app('api'), app('worker')] },
      to: { path: [app('web'), app('cli')] },
    },
    {
      name: 'api-not-worker',
      severity: 'error',
      from: { path: app('api') },
      to: { path: app('worker') },
    },
    {
      name: 'worker-not-api',
      severity: 'error',
      from: { path: app('worker') },
      to: { path: app('api') },
    },
    {
      name: 'web-uses-contract-domain-i18n-only',
      severity: 'error',
      comment: 'The browser bundle gets the HTTP shapes, pure domain helpers and messages; no server code.',
      from: { path: app('web') },
      to: { path: ['^packages/(?!contract/|domain/|i18n/)', '^apps/(?!web/)'] },
    },
    {
      name: 'only-through-package-entry',
      severity: 'error',
      comment: "Another package's files are reached through its index.ts only.",
      from: { path: '^(packages|apps)/([^/]+)/' },
      to: { path: '^packages/[^/]+/src/(?!index\\.ts$)', pathNot: ['^packages/$2/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', 'dist', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'default'], extensions: ['.ts', '.tsx', '.js'] },
  },
};
