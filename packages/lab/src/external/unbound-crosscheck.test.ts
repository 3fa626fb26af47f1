/**
 * pastoe's DNSSEC verdicts against Unbound's, on zones that neither pastoe nor the lab signed:
 * BIND's tools sign the lab catalogue, Knot DNS serves it, Unbound validates it. For every
 * question, Unbound's verdict (asked without CD) must equal pastoe's, with pastoe asking
 * (a) through Unbound with CD set and (b) Knot directly, except where a documented policy
 * difference says otherwise. Skips, with the reason, when the programs are not installed.
 */
import {
  type ClosableResolver,
  createAddressPolicy,
  createNodeNetwork,
  createResolver,
  createValidator,
  type DnsResult,
  type ValidationResult,
  type ValidationStatus,
} from '@pastoe/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExternalToolMissingError, mapLimited, missingTools, unboundLabTools } from './process.js';
import { type UnboundLab, type UnboundLabScenario, startUnboundLab } from './unbound-lab.js';
import type { Endpoint } from './servers.js';

const missing = missingTools(unboundLabTools);
if (missing.length > 0) console.log(`skipping the Unbound cross-check: ${new ExternalToolMissingError(missing).message}`);

/** RFC 8914 codes that speak about DNSSEC (1 Unsupported DNSKEY Algorithm … 12 NSEC Missing). */
const dnssecEdeCodes = new Set([1, 2, 5, 6, 7, 8, 9, 10, 11, 12]);

/** Unbound's verdict, read the way pastoe's `trustUpstreamAd` mode reads a validating resolver. */
function unboundVerdict(result: DnsResult): ValidationStatus {
  if (!result.ok) return 'indeterminate';
  const message = result.message;
  if (message.rcode === 'SERVFAIL') {
    return (message.edns?.extendedErrors ?? []).some((ede) => dnssecEdeCodes.has(ede.code)) ? 'bogus' : 'indeterminate';
  }
  if (message.rcode !== 'NOERROR' && message.rcode !== 'NXDOMAIN') return 'indeterminate';
  return message.flags.ad ? 'secure' : 'insecure';
}

/** Where pastoe and Unbound legitimately differ, and what each says. */
interface Difference {
  readonly unbound: ValidationStatus;
  readonly viaUnbound: ValidationStatus;
  readonly direct: ValidationStatus;
  readonly why: string;
}

const differences: ReadonlyMap<string, Difference> = new Map([
  [
    'deprecated-algo.test/A',
    {
      unbound: 'secure',
      viaUnbound: 'insecure',
      direct: 'insecure',
      why: 'policy: pastoe does not validate RSA/SHA-1 (algorithm 5) and treats such zones as unsigned; Unbound 1.17 with OpenSSL 3 on Debian 12 still validates it',
    },
  ],
  [
    'www.unhosted.test/A',
    {
      unbound: 'indeterminate',
      viaUnbound: 'indeterminate',
      direct: 'insecure',
      why: 'a delegation to a server that is not there: Unbound has no answer (SERVFAIL); pastoe, asking Knot directly, gets the referral and proves the delegation unsigned (NSEC), so DNSSEC-wise the name is insecure',
    },
  ],
  [
    'www.unhosted.nsec3-optout.test/A',
    {
      unbound: 'indeterminate',
      viaUnbound: 'indeterminate',
      direct: 'insecure',
      why: 'as www.unhosted.test, with the unsigned delegation proven by an opt-out NSEC3',
    },
  ],
]);

interface Row {
  readonly scenario: UnboundLabScenario;
  readonly unbound: ValidationStatus;
  readonly unboundDetail: string;
  readonly viaUnbound: ValidationResult;
  readonly direct: ValidationResult;
}

function key(scenario: UnboundLabScenario): string {
  return `${scenario.name.toLowerCase()}/${scenario.type}`;
}

function udp(endpoint: Endpoint): string {
  return `udp://${endpoint.ip}:${endpoint.port}`;
}

describe.skipIf(missing.length > 0)('pastoe and Unbound agree on BIND-signed zones served by Knot', () => {
  const network = createNodeNetwork({ policy: createAddressPolicy({ allow: ['loopback'] }) });
  let lab: UnboundLab;
  const resolvers: ClosableResolver[] = [];
  const resolver = (spec: string): ClosableResolver => {
    const made = createResolver(spec, { network, cache: false, retries: 1, timeoutMs: 2000 });
    resolvers.push(made);
    return made;
  };

  beforeAll(async () => {
    lab = await startUnboundLab();
  }, 30_000);

  afterAll(async () => {
    await Promise.all(resolvers.map((r) => r.close()));
    await lab?.close();
  });

  it('serves what the catalogue means, apart from the server faults only the lab can make', () => {
    // nsec3-many-iterations.test is left out too where ldns-signzone is not installed.
    const leftOut = [...lab.leftOut.keys()].filter((origin) => origin !== 'nsec3-many-iterations.test').sort();
    expect(leftOut).toEqual(['lame.test', 'servfail.test', 'timeout.test', 'unhosted.nsec3-optout.test', 'unhosted.test']);
    expect(lab.scenarios.length).toBeGreaterThanOrEqual(30);
    expect(lab.trustAnchor).toMatch(/^\. 86400 IN DS \d+ 13 2 [0-9A-F]{64}$/);
  });

  it('gives the same verdict for every question, except the documented policy differences', async () => {
    const toUnbound = resolver(udp(lab.unbound));
    // Unbound first and without CD, so that its verdicts come from its own validation.
    const unboundResults = await mapLimited(lab.scenarios, 4, (scenario) =>
      toUnbound.query({ name: scenario.name, type: scenario.type, dnssecOk: true, checkingDisabled: false }),
    );
    const viaUnbound = resolver(udp(lab.unbound));
    const direct = resolver(udp(lab.knot));
    // A fresh validator per question: nothing one verdict learnt can hide a fault from the next.
    const validate = (spec: ClosableResolver, scenario: UnboundLabScenario): Promise<ValidationResult> =>
      createValidator({ resolver: spec, trustAnchors: lab.trustAnchor }).validate(scenario.name, scenario.type);
    const rows: Row[] = await mapLimited(lab.scenarios, 4, async (scenario) => {
      const index = lab.scenarios.indexOf(scenario);
      const result = unboundResults[index] as DnsResult;
      const edes = result.ok ? (result.message.edns?.extendedErrors ?? []).map((ede) => `EDE ${ede.code}`).join(' ') : result.error.code;
      return {
        scenario,
        unbound: unboundVerdict(result),
        unboundDetail: result.ok ? `${result.message.rcode}${result.message.flags.ad ? ' ad' : ''} ${edes}`.trim() : edes,
        viaUnbound: await validate(viaUnbound, scenario),
        direct: await validate(direct, scenario),
      };
    });

    const width = Math.max(...rows.map((row) => `${row.scenario.name} ${row.scenario.type}`.length));
    const lines = rows.map((row) => {
      const difference = differences.get(key(row.scenario));
      const agree = row.viaUnbound.status === row.unbound && row.direct.status === row.unbound;
      return [
        `${row.scenario.name} ${row.scenario.type}`.padEnd(width),
        (row.scenario.expected ?? '-').padEnd(13),
        `${row.unbound} (${row.unboundDetail})`.padEnd(34),
        `${row.viaUnbound.status}/${row.viaUnbound.reason}`.padEnd(42),
        `${row.direct.status}/${row.direct.reason}`.padEnd(42),
        agree ? '' : difference === undefined ? 'DISAGREE' : 'documented',
      ].join(' ');
    });
    const header = `${'question'.padEnd(width)} ${'catalogue'.padEnd(13)} ${'unbound'.padEnd(34)} ${'pastoe via unbound (CD)'.padEnd(42)} ${'pastoe direct at knot'.padEnd(42)}`;
    console.log(`pastoe vs Unbound, ${rows.length} questions:\n${header}\n${lines.join('\n')}`);

    const actual = rows.map(
      (row) => `${key(row.scenario)}: unbound=${row.unbound} via=${row.viaUnbound.status} direct=${row.direct.status}`,
    );
    const wanted = rows.map((row) => {
      const difference = differences.get(key(row.scenario));
      return difference === undefined
        ? `${key(row.scenario)}: unbound=${row.unbound} via=${row.unbound} direct=${row.unbound}`
        : `${key(row.scenario)}: unbound=${difference.unbound} via=${difference.viaUnbound} direct=${difference.direct}`;
    });
    expect(actual).toEqual(wanted);
    // Every documented difference still exists: when one goes away, the list must shrink.
    for (const name of differences.keys())
      expect(
        rows.some((row) => key(row.scenario) === name),
        name,
      ).toBe(true);
  }, 60_000);

  it("reaches the catalogue's verdicts with Unbound too, so the independent signing made the intended faults", async () => {
    const toUnbound = resolver(udp(lab.unbound));
    const verdicts = await mapLimited(lab.scenarios, 4, async (scenario) => {
      const verdict = unboundVerdict(await toUnbound.query({ name: scenario.name, type: scenario.type, dnssecOk: true }));
      return `${key(scenario)}: ${verdict}`;
    });
    const expected = lab.scenarios.map((scenario) => {
      const difference = differences.get(key(scenario));
      // Unbound cannot reach an unhosted zone; everything else must be as the catalogue says.
      return `${key(scenario)}: ${difference?.unbound === 'indeterminate' ? 'indeterminate' : scenario.expected}`;
    });
    expect(verdicts).toEqual(expected);
  });
});
