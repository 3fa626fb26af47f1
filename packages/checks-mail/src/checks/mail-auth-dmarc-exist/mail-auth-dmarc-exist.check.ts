import { defineCheck, type Finding } from '@pastoe/core/model';
import { dmarcDeclaration } from '../../probes/dmarc.declaration.js';
import { dmarcDiscoveryError, dmarcFacts } from '../dmarc-evidence.js';

const id = 'mail-auth-dmarc-exist';

/**
 * The mail domain has exactly one DMARC record, at the domain or (inherited) at its
 * organizational domain (Internet.nl `mail_auth_dmarc_exist`). Several records at the name where
 * discovery stops fail without looking further, as receivers then apply no DMARC. A lookup that
 * got no usable answer is a test error, never "no record".
 */
export const mailAuthDmarcExist = defineCheck({
  id,
  standard: 'dmarc',
  internetnl: 'mail_auth_dmarc_exist',
  references: [
    { kind: 'rfc', id: 'RFC 7489', section: '6.6.3' },
    { kind: 'rfc', id: 'RFC 9989' },
    { kind: 'forum-standaardisatie', id: 'DMARC' },
  ],
  probes: { dmarc: dmarcDeclaration },
  evaluate: ({ dmarc }) => {
    const evidence = dmarc.data;
    const failed = dmarcDiscoveryError(evidence);
    if (failed !== undefined) return failed;
    const facts = dmarcFacts(evidence);
    if (evidence.status === 'found' && evidence.record !== undefined) {
      const { domain, source } = evidence.record;
      const findings: Finding[] = source === 'domain' ? [] : [{ id: `${id}.inherited`, params: { foundAt: domain, source } }];
      return { status: 'pass', outcome: 'good', findings, facts };
    }
    const last = evidence.lookups.at(-1);
    const findings: Finding[] =
      evidence.status === 'multiple'
        ? [{ id: `${id}.multiple-records`, params: { name: last?.name ?? '', count: last?.records.length ?? 0 } }]
        : [{ id: `${id}.no-record`, params: { names: evidence.lookups.map((lookup) => lookup.name).join(', ') } }];
    return { status: 'fail', outcome: 'bad', findings, facts };
  },
});
