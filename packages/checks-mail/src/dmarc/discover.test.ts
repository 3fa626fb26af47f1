import { describe, expect, it } from 'vitest';
import { dmarcTreeWalkMaxLookups, dmarcTreeWalkTargets } from './discover.js';

describe('dmarcTreeWalkTargets (RFC 9989 tree walk)', () => {
  it('asks the domain, then one label fewer each time down to the top level', () => {
    expect(dmarcTreeWalkTargets('a.mail.example.nl')).toEqual(['a.mail.example.nl', 'mail.example.nl', 'example.nl', 'nl']);
    expect(dmarcTreeWalkTargets('nl')).toEqual(['nl']);
  });

  it('jumps from a long name straight to its last seven labels, so it never asks more than eight names', () => {
    const long = 'j.i.h.g.f.e.d.c.b.a';
    const targets = dmarcTreeWalkTargets(long);
    expect(targets).toEqual([long, 'g.f.e.d.c.b.a', 'f.e.d.c.b.a', 'e.d.c.b.a', 'd.c.b.a', 'c.b.a', 'b.a', 'a']);
    expect(targets).toHaveLength(dmarcTreeWalkMaxLookups);
    expect(dmarcTreeWalkTargets('h.g.f.e.d.c.b.a')).toHaveLength(dmarcTreeWalkMaxLookups);
    expect(dmarcTreeWalkTargets('g.f.e.d.c.b.a')).toHaveLength(7);
  });
});
