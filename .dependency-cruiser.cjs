/**
 * pastoe's pipeline rules (docs/architecture.md): probes do I/O, checks are pure, reporting reads
 * the result schema only. `npm run depcruise` checks them on every import, type-only ones
 * included, and fails on any violation: there is no baseline of known ones.
 */

/** Node's network modules: a check that reaches one could do I/O. */
const nodeNetwork = '^(node:)?(net|dgram|tls|http|https|http2|dns)$';
/** Core's I/O: transports, resolvers, scanners, clients and the probe implementations. */
const coreIo = [
  '^packages/core/src/(dns/resolver/|tls/scanner/|smtp/|http/(client|connection|byte-queue)|trust/store)',
  // Transports; network.ts is only the interface the probe context names.
  '^packages/core/src/transport/(?!network\\.ts$)',
  // DNSSEC: the validator's lookups; the proof, signature and verdict code beside them is pure.
  '^packages/core/src/dnssec/(ask|answer-chain|chain|context|delegation|upstream-ad|validate-answer|validator|zone-cache|zone-keys)\\.ts$',
  // Probe implementations; their declarations are what checks name.
  '^packages/core/src/probes/(?!.*\\.declaration\\.ts$)',
  // The runner's scanning; evaluate, judge and input re-judge saved evidence without I/O.
  '^packages/core/src/runner/(?!(evaluate|judge|input|events)\\.ts$)',
];
/** A checks package's own probe implementations; their declarations are what checks name. */
const checksProbes = '^packages/checks-[^/]+/src/probes/(?!.*\\.declaration\\.ts$)';
/** Files that may use the lab: its own code, tests, the integration project, bench, the CLI demo. */
const labUsers = [
  '^packages/lab/',
  '^packages/integration/',
  '^bench/',
  '\\.test\\.ts$',
  '/test-support/',
  '^packages/cli/src/commands/demo[^/]*\\.ts$',
  // The command line's lab on purpose: `pastoe lab`, and `--lab` on check and bulk (scan-setup).
  '^packages/cli/src/commands/lab[^/]*\\.ts$',
  '^packages/cli/src/scan-setup\\.ts$',
];
/**
 * What model may import besides itself and util/: the service interfaces the probe context names
 * (network, resolver, validator, HTTP, trust), type-only, and the Internet.nl catalogue, the data
 * a check's metadata is derived from.
 */
const modelAllowed = [
  '^packages/core/src/(model|util)/',
  '^packages/core/src/transport/network\\.ts$',
  '^packages/core/src/dns/types\\.ts$',
  '^packages/core/src/dnssec/types\\.ts$',
  '^packages/core/src/http/types\\.ts$',
  '^packages/core/src/trust/types\\.ts$',
  '^packages/core/src/rpki/types\\.ts$',
  '^packages/core/src/scoring/internetnl-catalogue\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-package',
      comment: 'core is the bottom of the stack: it imports no other pastoe package (its tests neither; they go to packages/integration).',
      severity: 'error',
      from: { path: '^packages/core/' },
      to: { path: '^packages/(lab|checks-[^/]+|reporting|cli|integration)/' },
    },
    {
      name: 'lab-only-in-tests-bench-demo',
      comment: 'the lab (hostile servers, test CAs) is for tests, bench and the CLI (demo, lab, --lab), never for checks or core.',
      severity: 'error',
      from: { pathNot: labUsers },
      to: { path: '^packages/lab/' },
    },
    {
      name: 'reporting-no-check-code',
      comment: 'reporting depends on the result schema only, never on check code.',
      severity: 'error',
      from: { path: '^packages/reporting/src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^packages/checks-[^/]+/' },
    },
    {
      name: 'store-no-check-code',
      comment: 'the store keeps reports by the result schema only, never check code or the lab.',
      severity: 'error',
      from: { path: '^packages/store/src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^packages/(checks-[^/]+|lab|reporting|cli)/' },
    },
    {
      name: 'queue-no-check-code',
      comment: 'the queue moves domains and reports by the result schema; the checks come from its caller, never from it.',
      severity: 'error',
      from: { path: '^packages/queue/src/', pathNot: '\\.test\\.ts$' },
      to: { path: '^packages/(checks-[^/]+|lab|reporting|cli)/' },
    },
    {
      name: 'model-imports-nothing-above',
      comment: 'model is the vocabulary: it imports only model/, util/ and the service interfaces.',
      severity: 'error',
      from: { path: '^packages/core/src/model/', pathNot: '\\.test\\.ts$' },
      to: { path: '^packages/', pathNot: modelAllowed },
    },
    {
      name: 'checks-no-io-direct',
      comment: 'a check is pure: it imports no transport, resolver, scanner, probe implementation or node network module.',
      severity: 'error',
      from: { path: '^packages/checks-[^/]+/src/checks/', pathNot: '\\.test\\.ts$' },
      to: { path: [nodeNetwork, ...coreIo, checksProbes] },
    },
    {
      name: 'checks-no-io-reachable',
      comment: 'nor through anything it imports (the core barrel, a probe): a check re-judges saved evidence in a browser.',
      severity: 'error',
      from: { path: '^packages/checks-[^/]+/src/checks/', pathNot: '\\.test\\.ts$' },
      to: { path: [nodeNetwork, ...coreIo, checksProbes], reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
