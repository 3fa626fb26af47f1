import { evaluateSpf } from '@pastoe/checks-mail';
import { createResolver } from '@pastoe/core';
import { createDnsResponder, type DnsResponder, type DnsServerHandle, startDnsServer } from '@pastoe/lab';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSpfSuite, type SpfSuiteScenario, spfSuiteDir } from './suite.js';

/**
 * RFC 4408 tests whose answer RFC 7208 changed (RFC 7208 Appendix C), each to be listed with the
 * RFC 7208 section that decides, as pastoe follows RFC 7208. None is needed: where RFC 7208
 * changed an answer (void lookups §4.6.4, the SPF RR type §3.1, `ptr` §5.5), the RFC 4408 suite
 * already accepts the RFC 7208 result among its acceptable results.
 */
const rfc4408Skips: Readonly<Record<string, string>> = {};

/** Runs one scenario's tests against a lab DNS server that serves its zonedata. */
async function runScenario(
  scenario: SpfSuiteScenario,
  port: number,
  use: (responder: DnsResponder) => void,
  skips: Readonly<Record<string, string>>,
) {
  use(createDnsResponder([scenario.zone]));
  const resolver = createResolver(`udp://127.0.0.1:${port}`, { timeoutMs: 250, queryTimeoutMs: 400, retries: 0, cache: false });
  const failures: string[] = [];
  let ran = 0;
  try {
    for (const test of scenario.tests) {
      if (skips[test.name] !== undefined) continue;
      ran += 1;
      const outcome = await evaluateSpf({ ip: test.host, sender: test.mailfrom, helo: test.helo, resolver, timeoutMs: 5_000 });
      const resultOk = test.results.includes(outcome.result);
      const wanted = test.explanation === 'DEFAULT' ? undefined : test.explanation;
      // RFC 7208 does not fix the case of the hex digits %{i} gives for IPv6; the suite writes them uppercase.
      const explanationOk = test.explanation === undefined || outcome.explanation?.toLowerCase() === wanted?.toLowerCase();
      if (!resultOk || !explanationOk) {
        failures.push(
          `${test.name} (${test.spec}): got ${outcome.result}${outcome.explanation === undefined ? '' : ` "${outcome.explanation}"`}` +
            ` (${outcome.reason ?? ''}), want ${test.results.join('|')}${test.explanation === undefined ? '' : ` "${test.explanation}"`}`,
        );
      }
    }
  } finally {
    resolver.close();
  }
  return { ran, failures };
}

function suiteTests(file: 'rfc7208-tests.yml' | 'rfc4408-tests.yml', skips: Readonly<Record<string, string>>): void {
  const scenarios = readSpfSuite(file);
  if (scenarios === undefined) {
    describe.skip(`SPF suite ${file}`, () => {
      it('needs ../shared/testsuites/spf', () => undefined);
    });
    console.log(`SPF suite ${file} skipped: ${spfSuiteDir} is absent`);
    return;
  }
  describe(`SPF suite ${file} against a real DNS server on loopback`, () => {
    let server: DnsServerHandle;
    let current: DnsResponder = createDnsResponder([]);
    const use = (responder: DnsResponder): void => {
      current = responder;
    };
    let ran = 0;

    beforeAll(async () => {
      server = await startDnsServer({
        responder: {
          respond: (query, options) => current.respond(query, options),
          answer: (query, options) => current.answer(query, options),
          get origins() {
            return current.origins;
          },
        },
      });
    });
    afterAll(async () => {
      await server?.close();
      console.log(`SPF suite ${file}: ${ran} cases ran, ${Object.keys(skips).length} skipped`);
    });

    for (const scenario of scenarios) {
      it(`${scenario.description}: every test gives an acceptable result`, async () => {
        const outcome = await runScenario(scenario, server.udp.port, use, skips);
        ran += outcome.ran;
        expect(outcome.failures).toEqual([]);
      });
    }
  });
}

suiteTests('rfc7208-tests.yml', {});
suiteTests('rfc4408-tests.yml', rfc4408Skips);
