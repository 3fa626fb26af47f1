import { dnssecOwnFailure, dnssecState } from '../dnssec/state.js';
import type { ValidationResult } from '../dnssec/types.js';
import { type ProbeErrorCode, ProbeFailure } from '../model/evidence.js';
import { implementProbe, type ProbeContext, type ProbeDefinition } from '../model/probe.js';
import { type TlsaLookupEvidence, webTlsaDeclaration } from './dane-web.declaration.js';

/** Throws when the validation failed for pastoe's own reasons (its resolver, its time, its bounds), not the domain's. */
function ownFailure(result: ValidationResult, context: ProbeContext): void {
  const reason = dnssecOwnFailure(result);
  if (reason === undefined) return;
  const code: ProbeErrorCode = reason === 'timeout' || reason === 'aborted' ? reason : reason === 'malformed' ? 'malformed' : 'unreachable';
  if (reason === 'aborted' && !context.signal.aborted) return;
  throw new ProbeFailure(code, `DNSSEC validation of ${result.type} ${result.name} failed: ${result.detail ?? reason}`);
}

/**
 * Looks up and validates the TLSA records of `port` over TCP at `host` (RFC 6698 §3), and the A
 * lookup of the same name that Internet.nl uses to catch bogus denials. The records are kept only
 * from a validated or insecure answer; a bogus one is recorded as such.
 */
export async function probeTlsa(host: string, port: number, context: ProbeContext): Promise<TlsaLookupEvidence> {
  const name = `_${port}._tcp.${host}`;
  const [tlsa, address] = await Promise.all([
    context.transports.validator.validate(name, 'TLSA', { signal: context.signal }),
    context.transports.validator.validate(name, 'A', { signal: context.signal }),
  ]);
  ownFailure(tlsa, context);
  ownFailure(address, context);
  return {
    name,
    dnssec: dnssecState(tlsa),
    status: tlsa.status,
    reason: tlsa.reason,
    records: tlsa.status === 'bogus' ? [] : tlsa.records.filter((record) => record.data.type === 'TLSA' || record.data.type === 'CNAME'),
    denialBogus: address.status === 'bogus',
  };
}

/** Implements {@link webTlsaDeclaration} with the scan's validator. */
export const webTlsaProbe: ProbeDefinition<TlsaLookupEvidence, 'target'> = implementProbe(webTlsaDeclaration, {
  run: (subject, context) => probeTlsa(subject.name, 443, context),
});
