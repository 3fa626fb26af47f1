import { namedGroup } from '../tables/groups.js';
import type { TlsEvidence } from '../types.js';
import { finding, hex4, judgement, notTested, type TlsEvaluationContext, type TlsJudgement, unusable } from './shared.js';

/**
 * Hybrid post-quantum key agreement (pastoe only; Internet.nl #1709/#1640): at TLS 1.3, offered
 * every group it knows with an empty key share, does the server choose a hybrid ML-KEM group such
 * as X25519MLKEM768 (0x11EC)? The first group of the scanner's TLS 1.3 group enumeration is the
 * server's own choice. Chosen is `good` (pass); accepted but not chosen, or not accepted, is `bad`
 * (info: it is advice, not a requirement); no TLS 1.3 is `na` (info); no enumeration is not tested.
 */
export function evaluateTlsHybridPq(evidence: TlsEvidence, context: TlsEvaluationContext): TlsJudgement {
  const blocked = unusable(evidence, context);
  if (blocked !== undefined) return blocked;
  const tls13 = evidence.versions.some((v) => v.version === 'TLSv1.3' && v.supported === true);
  if (!tls13) return judgement({ status: 'info', outcome: 'na' }, [finding(context, 'no-tls-1-3')], {});
  const enumeration = evidence.groups?.find((g) => g.version === 'TLSv1.3');
  if (enumeration === undefined || enumeration.accepted.length === 0) return notTested(context, 'groups-not-enumerated');
  const chosen = namedGroup(enumeration.accepted[0] as number);
  const hybrids = enumeration.accepted.map(namedGroup).filter((group) => group.kind === 'hybrid');
  const facts = {
    chosen: chosen.name,
    chosenCode: hex4(chosen.code),
    hybridsAccepted: hybrids.map((group) => group.name),
    complete: enumeration.complete,
  };
  if (chosen.kind === 'hybrid') return judgement({ status: 'pass', outcome: 'good' }, [], facts);
  const name = hybrids.length > 0 ? 'hybrid-not-preferred' : 'no-hybrid';
  return judgement({ status: 'info', outcome: 'bad' }, [finding(context, name, { chosen: chosen.name })], facts);
}
