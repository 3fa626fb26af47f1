import { describe, expect, it } from 'vitest';
import { SupplierCatalogueError, parseSupplierCatalogue } from './catalogue.js';
import { defaultSupplierCatalogue } from './default-catalogue.js';
import { matchHost, parseHostPattern } from './host-pattern.js';

/** The error parseSupplierCatalogue throws for `json`, as `path: reason`, its message checked to name both. */
function problem(json: unknown): string {
  try {
    parseSupplierCatalogue(json);
  } catch (error) {
    if (error instanceof SupplierCatalogueError) {
      const lead = error.path === '' ? 'supplier catalogue: ' : `supplier catalogue: ${error.path} `;
      expect(error.message.startsWith(lead)).toBe(true);
      return `${error.path}: ${error.message.slice(lead.length)}`;
    }
    throw error;
  }
  return 'no error';
}

const one = (supplier: Record<string, unknown>) => ({ suppliers: [{ id: 'acme', name: 'Acme', ...supplier }] });

describe('parseSupplierCatalogue', () => {
  it('normalises patterns, drops duplicates within a list and sets the schema; takes JSON text too', () => {
    const text = JSON.stringify(one({ mx: ['*.Mail.Acme.example.', 'mx.acme.example', '*.mail.acme.example'], asn: [64500, 64500] }));
    expect(parseSupplierCatalogue(text)).toEqual({
      schema: 'pastoe.suppliers/1',
      suppliers: [{ id: 'acme', name: 'Acme', mx: ['*.mail.acme.example', 'mx.acme.example'], asn: [64500] }],
    });
  });

  it('names the place and the reason of a bad catalogue', () => {
    expect(problem('{"suppliers": [')).toMatch(/^: is not JSON/);
    expect(problem([])).toBe(': is not an object with a "suppliers" list');
    expect(problem({ suppliers: [], extra: 1 })).toMatch(/has unknown fields: extra/);
    expect(problem({ schema: 'pastoe.suppliers/9', suppliers: [] })).toMatch(/^schema: .*not "pastoe.suppliers\/1"/);
    expect(problem(one({ mx: ['mx.*.acme.example'] }))).toMatch(/^suppliers\[0\]\.mx\[0\]: .*\* that is not the whole first label/);
    expect(problem(one({ mx: ['(mail|mx).acme.example'] }))).toMatch(/^suppliers\[0\]\.mx\[0\]: .*no regular expressions/);
    expect(problem(one({ ns: ['*.example'] }))).toMatch(/^suppliers\[0\]\.ns\[0\]: .*too broad/);
    expect(problem(one({ ns: ['ns1..acme.example'] }))).toMatch(/empty label/);
    expect(problem(one({ ns: [42] }))).toMatch(/^suppliers\[0\]\.ns\[0\]: .*not a text/);
    expect(problem(one({ asn: ['AS64500'] }))).toMatch(/^suppliers\[0\]\.asn\[0\]: .*write 13335, not "AS13335"/);
    expect(problem(one({ asn: [0] }))).toMatch(/not an AS number/);
    expect(problem(one({ mx: 'mx.acme.example' }))).toMatch(/^suppliers\[0\]\.mx: .*not a list/);
    expect(problem(one({ id: 'Acme Inc' }))).toMatch(/^suppliers\[0\]\.id: /);
    expect(problem(one({ id: 'other' }))).toMatch(/reserved/);
    expect(problem(one({ name: ' ' }))).toMatch(/^suppliers\[0\]\.name: /);
    expect(problem(one({ regex: 'x' }))).toMatch(/unknown fields: regex/);
    expect(
      problem({
        suppliers: [
          { id: 'a', name: 'A' },
          { id: 'a', name: 'B' },
        ],
      }),
    ).toMatch(/^suppliers\[1\]\.id: "a" is listed twice/);
    expect(
      problem({
        suppliers: [
          { id: 'a', name: 'A', mx: ['*.shared.example'] },
          { id: 'b', name: 'B', mx: ['*.Shared.example'] },
        ],
      }),
    ).toBe('suppliers[1].mx[0]: "*.shared.example" is listed by a as well');
    expect(
      problem({
        suppliers: [
          { id: 'a', name: 'A', asn: [1] },
          { id: 'b', name: 'B', asn: [1] },
        ],
      }),
    ).toMatch(/AS1 is listed by a/);
  });

  it('bounds what it reads', () => {
    expect(problem({ suppliers: Array.from({ length: 1001 }, (_, i) => ({ id: `s${i}`, name: 'S' })) })).toMatch(/more than 1000/);
    expect(problem(one({ asn: Array.from({ length: 1001 }, (_, i) => i + 1) }))).toMatch(/more than 1000 entries/);
  });

  it('ships a default catalogue that holds', () => {
    const catalogue = defaultSupplierCatalogue();
    expect(catalogue.suppliers.map((supplier) => supplier.id)).toContain('microsoft');
    expect(catalogue.suppliers.find((supplier) => supplier.id === 'cloudflare')?.asn).toEqual([13335]);
  });
});

describe('host patterns', () => {
  const parse = (texts: string[]) => {
    const exact = new Map<string, string>();
    const suffix = new Map<string, string>();
    for (const text of texts) {
      const pattern = parseHostPattern(text);
      if (typeof pattern === 'string') throw new Error(pattern);
      (pattern.kind === 'exact' ? exact : suffix).set(pattern.name, text);
    }
    return (host: string) => matchHost(host, exact, suffix);
  };

  it('matches an exact name, else the longest suffix; a suffix never matches itself', () => {
    const match = parse(['*.example.nl', '*.mail.example.nl', 'mx.mail.example.nl']);
    expect(match('MX.mail.example.nl.')).toBe('mx.mail.example.nl');
    expect(match('mx2.mail.example.nl')).toBe('*.mail.example.nl');
    expect(match('a.b.mail.example.nl')).toBe('*.mail.example.nl');
    expect(match('mail.example.nl')).toBe('*.example.nl');
    expect(match('example.nl')).toBeUndefined();
    expect(match('otherexample.nl')).toBeUndefined();
  });
});
