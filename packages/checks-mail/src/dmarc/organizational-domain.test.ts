import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { normalizeDmarcDomain } from './domain-name.js';
import { organizationalDomain } from './organizational-domain.js';

/** The Public Suffix List's own test vectors, beside the repository in ../shared when present. */
const vectorFile = fileURLToPath(new URL('../../../../../shared/testsuites/psl/test_psl.txt', import.meta.url));

/** The active `checkPublicSuffix(input, expected)` lines; `null` input or answer as `null`. */
function readVectors(text: string): { input: string | null; expected: string | null }[] {
  const literal = (token: string): string | null => (token === 'null' ? null : token.slice(1, -1));
  return text.split('\n').flatMap((line) => {
    const match = /^checkPublicSuffix\((null|'[^']*'), (null|'[^']*')\);$/.exec(line.trim());
    return match === null ? [] : [{ input: literal(match[1] ?? 'null'), expected: literal(match[2] ?? 'null') }];
  });
}

describe('organizationalDomain (RFC 7489 §3.2 by the Public Suffix List)', () => {
  it('takes the public suffix plus one label, private suffixes included unless switched off', () => {
    expect(organizationalDomain('mail.example.nl')).toBe('example.nl');
    expect(organizationalDomain('A.B.Example.CO.UK.')).toBe('example.co.uk');
    expect(organizationalDomain('a.b.example.uk.com')).toBe('example.uk.com');
    expect(organizationalDomain('a.b.example.uk.com', { privateDomains: false })).toBe('uk.com');
  });

  it('has none for a public suffix, and refuses malformed names', () => {
    expect(organizationalDomain('co.uk')).toBeUndefined();
    expect(organizationalDomain('nl')).toBeUndefined();
    for (const name of ['.example.com', 'a..example.com', '', '.', 'exa mple.com', 'user@example.com', `${'a'.repeat(64)}.nl`]) {
      expect(organizationalDomain(name), name).toBeUndefined();
    }
    expect(normalizeDmarcDomain(`${'a.'.repeat(126)}nl`)).toBeUndefined();
    expect(normalizeDmarcDomain('Example.NL.')).toBe('example.nl');
  });

  it.runIf(existsSync(vectorFile))('agrees with every vector of the Public Suffix List test file', () => {
    const vectors = readVectors(readFileSync(vectorFile, 'utf8'));
    expect(vectors.length).toBeGreaterThanOrEqual(78);
    const wrong = vectors
      .map(({ input, expected }) => ({ input, expected, got: input === null ? undefined : organizationalDomain(input) }))
      .filter(({ expected, got }) => (expected ?? undefined) !== got);
    expect(wrong).toEqual([]);
    // tldts alone differs only where the input has a leading dot: it drops the empty label and
    // answers for the rest, where the list's tests (and DMARC) want no answer for a malformed name.
    const tldtsAlone = vectors.filter(
      ({ input, expected }) => input !== null && getDomain(input, { allowPrivateDomains: true }) !== expected,
    );
    expect(tldtsAlone.map(({ input }) => input)).toEqual(['.example.com', '.example.example']);
    console.log(`PSL vectors: ${vectors.length} of ${vectors.length} agree; tldts alone differs on ${tldtsAlone.length} (leading dot)`);
  });

  it.skipIf(existsSync(vectorFile))('skips the Public Suffix List vectors: no ../shared/testsuites/psl next to the repository', () => {
    console.log(`PSL vectors skipped: ${vectorFile} is absent`);
  });
});
