import { defineCheck } from '@pastoe/core/model';
import { mailServers } from '../../parsers/mail-servers.js';
import { mxDeclaration } from '../../probes/mx.declaration.js';
import { tlsRptDeclaration } from '../../probes/tls-rpt.declaration.js';
import { parseTlsRpt } from '../../tls-rpt/parse.js';

const id = 'mail-tls-rpt';

/**
 * The mail domain asks for TLS reports (RFC 8460): exactly one valid `_smtp._tls` record with
 * `mailto:` or `https:` destinations in `rua`. Several records (senders then report nowhere) and
 * syntax errors fail; no record is `info` (pastoe's own recommended check, outside Internet.nl's
 * score, so a failure shows as a warning); a domain without mail servers is not tested; a lookup
 * without an answer is a test error.
 */
export const mailTlsRpt = defineCheck({
  id,
  standard: 'tls-rpt',
  level: 'recommended',
  references: [{ kind: 'rfc', id: 'RFC 8460', section: '3' }],
  probes: { mx: mxDeclaration, tlsRpt: tlsRptDeclaration },
  evaluate: ({ mx, tlsRpt }) => {
    const servers = mailServers(mx.data);
    if (servers.situation !== 'has-mx') {
      return { status: 'not-tested', outcome: 'no-mail-servers', findings: [{ id: `${id}.${servers.situation}` }] };
    }
    const { record } = tlsRpt.data;
    const facts = { records: [...record.records] };
    if (record.error !== undefined) {
      return { status: 'error', outcome: 'error', error: { code: 'dns-lookup', message: `${record.name}: ${record.error}` }, facts };
    }
    const [text] = record.records;
    if (text === undefined)
      return { status: 'info', outcome: 'absent', findings: [{ id: `${id}.no-record`, params: { name: record.name } }], facts };
    if (record.records.length > 1) {
      const findings = [{ id: `${id}.multiple-records`, params: { name: record.name, count: record.records.length } }];
      return { status: 'fail', outcome: 'multiple-records', findings, facts };
    }
    const parsed = parseTlsRpt(text);
    if (parsed.record === undefined) {
      const findings = parsed.errors.map((error) => ({ id: `${id}.record-syntax`, params: { code: error.code, message: error.message } }));
      return { status: 'fail', outcome: 'record-invalid', findings, facts };
    }
    return { status: 'pass', outcome: 'good', facts: { ...facts, rua: parsed.record.rua.map((uri) => uri.uri) } };
  },
});
