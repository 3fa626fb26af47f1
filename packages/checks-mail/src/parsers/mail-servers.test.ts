import { describe, expect, it } from 'vitest';
import type { MxEvidence } from '../probes/mx.declaration.js';
import { mailServers } from './mail-servers.js';

const mx = (records: Array<[number, string]>, extra: Partial<MxEvidence> = {}): MxEvidence => ({
  rcode: 'NOERROR',
  records: records.map(([preference, exchange]) => ({ preference, exchange })),
  domainHasAddress: true,
  ...extra,
});

describe('mailServers (Internet.nl MX situations)', () => {
  it('sorts the hosts by name, drops localhost and duplicates, and keeps at most ten', () => {
    const many = Array.from({ length: 12 }, (_, i) => [10, `mx${String(i).padStart(2, '0')}.example.nl`] as [number, string]);
    const result = mailServers(mx([[20, 'b.example.nl'], [10, 'a.example.nl'], [5, 'localhost'], [30, 'a.example.nl'], ...many]));
    expect(result.situation).toBe('has-mx');
    expect(result.hosts).toHaveLength(10);
    expect(result.hosts.slice(0, 3)).toEqual(['a.example.nl', 'b.example.nl', 'mx00.example.nl']);
    expect(result.hosts).not.toContain('localhost');
  });

  it.each([
    ['a correct Null MX', mx([[0, '']]), 'null-mx'],
    ['a Null MX without addresses', mx([[0, '']], { domainHasAddress: false }), 'null-mx-without-a-aaaa'],
    [
      'a Null MX beside real MX',
      mx([
        [0, ''],
        [10, 'mx.example.nl'],
      ]),
      'null-mx-with-other-mx',
    ],
    ['no MX records', mx([]), 'no-mx'],
    ['an NXDOMAIN', mx([], { rcode: 'NXDOMAIN' }), 'no-mx'],
    // Saved by versions before a failed MX lookup became a probe failure (an `error` verdict).
    ['a failed lookup in old evidence', mx([], { rcode: 'timeout', error: 'timeout: no answer' }), 'no-mx'],
    ['only localhost', mx([[10, 'localhost']]), 'no-mx'],
  ])('%s → %s', (_label, evidence, situation) => {
    expect(mailServers(evidence).situation).toBe(situation);
  });

  it('treats MX 10 . as an MX to the root name, not a Null MX', () => {
    expect(mailServers(mx([[10, '']])).situation).toBe('no-mx');
  });

  it('advises a Null MX only without MX, with addresses, and with exactly one SPF record v=spf1 -all', () => {
    const advised = (extra: Partial<MxEvidence>, records: Array<[number, string]> = []) => mailServers(mx(records, extra)).nullMxAdvised;
    expect(advised({ spf: ['v=spf1 -all'] })).toBe(true);
    expect(advised({ spf: ['V=SPF1  -ALL '] })).toBe(true);
    expect(advised({ spf: ['v=spf1 -all'], domainHasAddress: false })).toBe(false);
    expect(advised({ spf: ['v=spf1 ~all'] })).toBe(false);
    expect(advised({ spf: ['v=spf1 -all', 'v=spf1 -all'] })).toBe(false);
    expect(advised({})).toBe(false);
    expect(advised({ spf: ['v=spf1 -all'] }, [[10, 'localhost']])).toBe(false);
    expect(advised({ spf: ['v=spf1 -all'] }, [[0, '']])).toBe(false);
  });
});
