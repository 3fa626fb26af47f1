import type { DnsRecord } from '../dns/types.js';
import type { DnssecState } from '../dnssec/state.js';
import { type ParsedCertificate, tryParseCertificate } from '../x509/certificate.js';
import { type ChainSignatures, isSelfSignedAt, isWithinValidity, pathTo } from '../x509/chain.js';
import { isSupportedTlsa, type TlsaRecord, tlsaMatches, tlsaRecords, tlsaText } from './tlsa.js';

/** What a DANE evaluation needs: the TLSA answer with its DNSSEC state, and the chain the server sent. */
export interface DaneInput {
  /** Website (`_443._tcp`) or mail (`_25._tcp`, RFC 7672 rules). */
  readonly service: 'web' | 'mail';
  /** The TLSA lookup: its records and the DNSSEC state the validator gave the answer. */
  readonly tlsa: { readonly records: readonly (DnsRecord | TlsaRecord)[]; readonly dnssec: DnssecState };
  /**
   * The A lookup of the TLSA name came back as a bogus NXDOMAIN. Internet.nl makes this check to
   * catch signers that deny names they should not, and treats it as a bogus TLSA answer.
   */
  readonly denialBogus?: boolean;
  /**
   * The certificates the server sent, leaf first: DER bytes, base64 or PEM, or already parsed;
   * `undefined` keeps the place of one that did not parse.
   */
  readonly chain?: readonly (string | Uint8Array | ParsedCertificate | undefined)[];
  /**
   * Which certificates of `chain` signed which, as the probe verified them (`chainSignatures`);
   * DANE-TA needs it to follow the path to the anchor. Without it no DANE-TA record validates.
   */
  readonly signedBy?: ChainSignatures;
  /** Whether the chain verified against the PKIX trust store, for usages 0 and 1 (web only). */
  readonly pkixValid?: boolean;
  /** The evaluation time, for DANE-TA chain validity. */
  readonly now: Date;
}

/** How one TLSA record fared. */
export interface TlsaOutcome {
  /** The record, as text. */
  readonly record: string;
  /** Whether it authenticated the server. */
  readonly valid: boolean;
  /** Why not. */
  readonly reason?: 'unsupported-parameters' | 'no-match' | 'ta-not-in-chain' | 'chain-does-not-verify' | 'expired' | 'pkix-invalid';
}

/** DANE as Internet.nl's three subtests see it. */
export interface DaneResult {
  /** `dane_exists`: a usable, DNSSEC-secure TLSA record set (`good`), none (`bad`), or a bogus answer or denial (`bogus`). */
  readonly exists: 'good' | 'bad' | 'bogus';
  /** `dane_valid`: the chain validates against the records; `not-tested` when DANE does not exist or no chain was received. */
  readonly valid: 'good' | 'bad' | 'not-tested';
  /** `dane_rollover`: two or more DANE-EE records, or DANE-EE beside DANE-TA; `not-tested` when DANE does not exist. */
  readonly rollover: 'good' | 'bad' | 'not-tested';
  /** The records that count (for mail without usages 0 and 1), as text. */
  readonly records: readonly string[];
  /** A DANE-TA (usage 2) record counts: mail's host-match subtest becomes a forced fail on a mismatch. */
  readonly hasDaneTa: boolean;
  /** Per counted record, whether it validated. */
  readonly outcomes: readonly TlsaOutcome[];
}

/**
 * Evaluates DANE for one server (Internet.nl `dane()` in `scans.py`; RFC 6698, 7671, 7672).
 *
 * Existence: the TLSA answer must be DNSSEC-secure; a bogus answer, or a bogus denial for the A
 * lookup of the same name, is `bogus`; no records or an insecure answer is `bad`. For mail
 * (RFC 7672 3.1.3) PKIX-TA(0) and PKIX-EE(1) records are ignored, so a set of only those is `bad`.
 *
 * Validity, as `ldns-dane -n verify` (no host-name check): valid when any counted record
 * authenticates the chain. DANE-EE(3) matches the leaf and ignores names and expiry (RFC 7672
 * 3.1.1); DANE-TA(2) needs the trust anchor in the chain sent, a verifying path from the leaf to
 * it, and every certificate on that path within its validity; PKIX-EE(1) and PKIX-TA(0) (web
 * only) match the leaf or a chain certificate and also need the PKIX verification. Records with
 * undefined selectors or matching types are unusable; a set with no usable record fails.
 *
 * Rollover: more than one DANE-EE record, or DANE-EE together with DANE-TA (several DANE-TA
 * alone do not count, Internet.nl #1206).
 */
export function evaluateDane(input: DaneInput): DaneResult {
  const all = tlsaRecords(input.tlsa.records);
  const none = (exists: DaneResult['exists']): DaneResult => ({
    exists,
    valid: 'not-tested',
    rollover: 'not-tested',
    records: [],
    hasDaneTa: false,
    outcomes: [],
  });
  if (input.tlsa.dnssec === 'bogus') return none('bogus');
  if (all.length === 0 || input.tlsa.dnssec !== 'secure') return none('bad');
  if (input.denialBogus === true) return none('bogus');
  const counted = input.service === 'mail' ? all.filter((record) => record.usage !== 0 && record.usage !== 1) : all;
  if (counted.length === 0) return none('bad');
  const ee = counted.filter((record) => record.usage === 3).length;
  const ta = counted.filter((record) => record.usage === 2).length;
  const rollover = ee > 1 || (ee > 0 && ta > 0) ? 'good' : 'bad';
  const base = { exists: 'good' as const, rollover: rollover as DaneResult['rollover'], records: counted.map(tlsaText), hasDaneTa: ta > 0 };
  // Positions stay as sent, because signedBy refers to them; a certificate that does not parse is a gap.
  const chain = (input.chain ?? []).map((entry) =>
    typeof entry === 'string' || entry instanceof Uint8Array ? tryParseCertificate(entry) : entry,
  );
  if (chain[0] === undefined) return { ...base, valid: 'not-tested', outcomes: [] };
  const outcomes = counted.map((record) => validateRecord(record, chain, input));
  return { ...base, valid: outcomes.some((o) => o.valid) ? 'good' : 'bad', outcomes };
}

function validateRecord(record: TlsaRecord, chain: readonly (ParsedCertificate | undefined)[], input: DaneInput): TlsaOutcome {
  const text = tlsaText(record);
  const fail = (reason: TlsaOutcome['reason']): TlsaOutcome => ({ record: text, valid: false, reason });
  if (!isSupportedTlsa(record)) return fail('unsupported-parameters');
  const leaf = chain[0] as ParsedCertificate;
  switch (record.usage) {
    case 3:
      return tlsaMatches(record, leaf) ? { record: text, valid: true } : fail('no-match');
    case 1:
      if (!tlsaMatches(record, leaf)) return fail('no-match');
      return input.pkixValid === true ? { record: text, valid: true } : fail('pkix-invalid');
    case 0: {
      const anchor = chain.slice(1).find((certificate) => certificate !== undefined && tlsaMatches(record, certificate));
      if (anchor === undefined) return fail('no-match');
      return input.pkixValid === true ? { record: text, valid: true } : fail('pkix-invalid');
    }
    default: {
      // DANE-TA: the anchor must be among the certificates sent; a self-signed leaf may be its own anchor.
      const signedBy = input.signedBy ?? [];
      const anchors = chain.flatMap((certificate, index) =>
        certificate !== undefined && tlsaMatches(record, certificate) && (index > 0 || isSelfSignedAt(signedBy, 0)) ? [index] : [],
      );
      if (anchors.length === 0) return fail(tlsaMatches(record, leaf) ? 'ta-not-in-chain' : 'no-match');
      let reason: TlsaOutcome['reason'] = 'chain-does-not-verify';
      for (const anchor of anchors) {
        const path = pathTo(signedBy, anchor)?.map((index) => chain[index]);
        if (path === undefined) continue;
        if (!path.every((certificate) => certificate !== undefined && isWithinValidity(certificate, input.now))) {
          reason = 'expired';
          continue;
        }
        return { record: text, valid: true };
      }
      return fail(reason);
    }
  }
}
