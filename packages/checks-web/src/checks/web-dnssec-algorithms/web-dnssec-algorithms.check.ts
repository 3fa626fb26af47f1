import { defineCheck, dnssecDeclaration, judgeDnssecAlgorithms } from '@pastoe/core/model';

/**
 * The domain's zone signs with DNSSEC algorithms, DS digests and RSA key sizes that current
 * guidance allows (pastoe's own check, beyond Internet.nl, whose users ask for it: its issues #34,
 * #184, #1288, #1711): no algorithm that must not sign (RSAMD5, DSA, RSASHA1 and its NSEC3 twin
 * since RFC 9905, ECC-GOST), no SHA-1 or GOST DS, RSASHA512 and RSA keys under 2048 bits phased
 * out. Judged on the DNSSEC probe's chain, for the domain's own zone; parent zones are reported,
 * not judged. Recommended: outside the Internet.nl score.
 */
export const webDnssecAlgorithms = defineCheck({
  id: 'web-dnssec-algorithms',
  standard: 'dnssec',
  level: 'recommended',
  references: [
    { kind: 'rfc', id: 'RFC 8624', section: '3.1' },
    { kind: 'rfc', id: 'RFC 8624', section: '3.3' },
    { kind: 'rfc', id: 'RFC 9905', section: '2' },
    { kind: 'other', id: 'NIST SP 800-57 Part 1 Rev. 5', section: '5.6.1.1' },
  ],
  probes: { dnssec: dnssecDeclaration },
  evaluate: ({ dnssec }) => judgeDnssecAlgorithms('web-dnssec-algorithms', dnssec.data),
});
