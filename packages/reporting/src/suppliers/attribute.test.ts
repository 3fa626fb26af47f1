import { describe, expect, it } from 'vitest';
import { report } from '../test-support/reports.js';
import { attributeSuppliers } from './attribute.js';
import type { SupplierCatalogue } from './catalogue.js';
import { hostedReport } from './test-support/hosted-report.js';

const catalogue: SupplierCatalogue = {
  suppliers: [
    { id: 'bigmail', name: 'Big Mail', mx: ['*.mail.bigmail.example'], asn: [64501] },
    { id: 'dnsco', name: 'DNS Co', ns: ['*.dnsco.example', 'ns.special.example'], asn: [64502] },
    { id: 'hostco', name: 'Host Co', mx: ['mx.hostco.example'], ns: ['*.hostco.example'], asn: [64503] },
  ],
};

describe('attributeSuppliers', () => {
  it('attributes mail by the most preferred MX, DNS by the name servers and web by the origin AS', () => {
    const hosted = hostedReport('a.nl', {
      mx: [
        [20, 'backup.a.nl'],
        [10, 'a-nl.mail.bigmail.example.'],
      ],
      ns: ['ns1.dnsco.example', 'NS2.dnsco.example'],
      origins: [[64503], [64503]],
    });
    expect(attributeSuppliers(hosted, catalogue)).toEqual({
      mail: { supplier: 'bigmail', hosts: ['a-nl.mail.bigmail.example'] },
      dns: { supplier: 'dnsco', hosts: ['ns1.dnsco.example', 'ns2.dnsco.example'] },
      web: { supplier: 'hostco', hosts: ['AS64503'] },
    });
  });

  it('says other for hosts no supplier matches, and nothing where the report says nothing', () => {
    const selfHosted = hostedReport('b.nl', { mx: [[10, 'mail.b.nl']], ns: ['ns1.b.nl'], origins: [[64999]] });
    expect(attributeSuppliers(selfHosted, catalogue)).toEqual({
      mail: { supplier: 'other', hosts: ['mail.b.nl'] },
      dns: { supplier: 'other', hosts: ['ns1.b.nl'] },
      web: { supplier: 'other', hosts: ['AS64999'] },
    });
    // Null MX: no mail to host. No evidence at all: a report stripped of it.
    expect(attributeSuppliers(hostedReport('c.nl', { mx: [[0, '']], origins: [[]] }), catalogue)).toEqual({});
    expect(attributeSuppliers(report('d.nl', []), catalogue)).toEqual({});
  });

  it('gives a role to the supplier of most hosts, a tie to a named supplier in catalogue order', () => {
    const mixed = hostedReport('e.nl', {
      mx: [
        [10, 'mx.hostco.example'],
        [10, 'x.mail.bigmail.example'],
      ],
      ns: ['ns1.e.nl', 'ns2.e.nl', 'ns.hostco.example'],
      // The second address is announced by two ASes; the one the catalogue knows counts.
      origins: [[64502], [64999, 64501], [64501]],
    });
    expect(attributeSuppliers(mixed, catalogue)).toEqual({
      mail: { supplier: 'bigmail', hosts: ['mx.hostco.example', 'x.mail.bigmail.example'] },
      dns: { supplier: 'other', hosts: ['ns1.e.nl', 'ns2.e.nl', 'ns.hostco.example'] },
      web: { supplier: 'bigmail', hosts: ['AS64502', 'AS64999', 'AS64501'] },
    });
    // An exact name wins over a suffix of another supplier.
    const special = hostedReport('f.nl', { ns: ['ns.special.example'] });
    expect(attributeSuppliers(special, catalogue).dns?.supplier).toBe('dnsco');
  });

  it('ignores evidence that does not have the shape it reads', () => {
    const odd = {
      evidence: [
        { probe: 'mail-mx', subject: { name: 'g.nl', role: 'domain' }, startedAt: '', durationMs: 0, ok: true, data: { records: 'x' } },
        { probe: 'name-servers', subject: { name: 'g.nl', role: 'domain' }, startedAt: '', durationMs: 0, ok: true, data: null },
        {
          probe: 'web-route-origin',
          subject: { name: 'g.nl', role: 'web' },
          startedAt: '',
          durationMs: 0,
          ok: false,
          error: { code: 'unsupported', message: 'no RPKI sources' },
        },
      ],
    } as const;
    expect(attributeSuppliers(odd, catalogue)).toEqual({});
  });
});
