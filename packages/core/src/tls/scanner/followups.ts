/**
 * The hellos that come after enumeration and build on its result: the key-exchange hash test,
 * Internet.nl's cipher-order test, whether the server imposes its own order, and (beyond
 * Internet.nl's scope) the enumeration of named groups. Each is a chain of hellos one after
 * another at the end of the scan, so each hello gets the next free connection slot (`chain`).
 */
import type { NcscLevel } from '../tables/levels.js';
import type { CipherOrderObservation, GroupEnumeration, KexHashObservation } from '../types.js';
import { candidateGroups, isEllipticGroup, sha1SignatureSchemes, sha224SignatureSchemes, signatureSchemeHash } from './constants.js';
import { type ScanContext, describeOutcome } from './context.js';
import type { HelloOutcome } from './dialer.js';
import type { HelloVersion, SuiteEnumerator } from './enumerate.js';

/** The NCSC level of a cipher suite, as the TLS tables classify it. */
export type SuiteLevel = NcscLevel;

/** Looks up the level of a cipher suite by IANA code. */
export type SuiteLevelLookup = (suite: number) => SuiteLevel;

/** The suites (of a TLS 1.2 enumeration) whose handshake had a signed ephemeral key exchange. */
function signedKeyExchangeSuites(enumeration: SuiteEnumerator): number[] {
  return enumeration.accepted.filter((suite) => {
    const kex = enumeration.flight(suite)?.keyExchange;
    return kex?.signed === true && (kex.kind === 'ecdhe' || kex.kind === 'dhe');
  });
}

/** The hash test answer for one restricted hello: true when the server signed with `hash`. */
function signedWith(outcome: HelloOutcome, hash: 'sha1' | 'sha224'): boolean | null {
  if (outcome.kind === 'hello') {
    const scheme = outcome.flight.keyExchange?.signatureScheme;
    return scheme !== undefined && signatureSchemeHash(scheme) === hash;
  }
  // A refusal is the good answer; not hearing one is no answer.
  if (outcome.kind === 'alert') return false;
  if (outcome.kind === 'failure' && (outcome.code === 'closed' || outcome.code === 'reset')) return false;
  return null;
}

/**
 * Internet.nl's key-exchange hash test at TLS 1.2: a hello offering only SHA-1 signature
 * schemes; if the server signs its key exchange with SHA-1 that is the finding, otherwise a hello
 * with only SHA-224 schemes. `defaultScheme` is what it signed with for a normal hello.
 */
export async function testKexHash(context: ScanContext, tls12: SuiteEnumerator | undefined): Promise<KexHashObservation> {
  // Suites with a signed ephemeral key exchange show the signature; without any, all accepted
  // suites are offered as Internet.nl does, and a handshake without a signature is no SHA-1 one.
  const signed = tls12 === undefined ? [] : signedKeyExchangeSuites(tls12);
  const suites = (signed.length > 0 ? signed : (tls12?.accepted ?? [])).slice(0, context.limits.chunkSize);
  const first = signed[0] === undefined ? undefined : tls12?.flight(signed[0])?.keyExchange?.signatureScheme;
  const base = first === undefined ? {} : { defaultScheme: first };
  if (suites.length === 0) return { sha1: null, sha224: null, ...base };
  const sha1Outcome = await context.hello({ version: 'TLSv1.2', suites, signatureSchemes: sha1SignatureSchemes }, 'chain');
  const sha1 = signedWith(sha1Outcome, 'sha1');
  if (sha1 === null) context.problem('kex-hash', describeOutcome(sha1Outcome).code, describeOutcome(sha1Outcome).message);
  if (sha1 === true) return { sha1, sha224: null, ...base };
  const sha224Outcome = await context.hello({ version: 'TLSv1.2', suites, signatureSchemes: sha224SignatureSchemes }, 'chain');
  const sha224 = signedWith(sha224Outcome, 'sha224');
  if (sha224 === null) context.problem('kex-hash', describeOutcome(sha224Outcome).code, describeOutcome(sha224Outcome).message);
  return { sha1, sha224, ...base };
}

/** CHACHA20 suites (RFC 7905 and the old draft codes), which Internet.nl offers last. */
function isChacha(suite: number): boolean {
  return (suite >= 0xcca8 && suite <= 0xccae) || (suite >= 0xcc13 && suite <= 0xcc15);
}

/** The suite a hello chose, or undefined with the problem recorded. */
async function chosen(context: ScanContext, step: string, version: HelloVersion, suites: readonly number[]): Promise<number | undefined> {
  const outcome = await context.hello({ version, suites }, 'chain');
  if (outcome.kind === 'hello') return outcome.flight.serverHello.suite;
  const { code, message } = describeOutcome(outcome);
  context.problem(step, code, message);
  return undefined;
}

/**
 * Whether the server imposes its own order: offer the accepted suites reversed; a server that
 * follows the client picks the first. If it does pick the first, offer them in the original order
 * to tell "follows the client" from "happens to prefer that one".
 */
async function serverPreference(context: ScanContext, enumeration: SuiteEnumerator): Promise<boolean | null> {
  const accepted = enumeration.accepted.slice(0, context.limits.chunkSize);
  if (accepted.length < 2) return null;
  const reversed = [...accepted].reverse();
  const first = await chosen(context, 'cipher-order', enumeration.version, reversed);
  if (first === undefined) return null;
  if (first !== reversed[0]) return true;
  const second = await chosen(context, 'cipher-order', enumeration.version, accepted);
  if (second === undefined) return null;
  return second !== accepted[0];
}

/**
 * Internet.nl's cipher-order test at the highest version below 1.3: only when the server accepts
 * phase-out suites besides good or sufficient ones; then for each good or sufficient suite X,
 * offer every accepted phase-out suite (CHACHA20 last) followed by X, and expect X. The first
 * violation is reported. Without a level lookup the test cannot run; the preference test still does.
 */
export async function testCipherOrder(
  context: ScanContext,
  enumeration: SuiteEnumerator | undefined,
  level: SuiteLevelLookup | undefined,
): Promise<CipherOrderObservation | undefined> {
  if (enumeration === undefined || enumeration.accepted.length === 0) return undefined;
  const preference = await serverPreference(context, enumeration);
  if (level === undefined) return { tested: false, serverPreference: preference };
  const accepted = enumeration.accepted;
  const better = accepted.filter((suite) => {
    const l = level(suite);
    return l === 'good' || l === 'sufficient';
  });
  const phaseOut = accepted.filter((suite) => level(suite) === 'phase-out');
  if (better.length === 0 || phaseOut.length === 0) return { tested: false, serverPreference: preference };
  const ordered = [...phaseOut.filter((s) => !isChacha(s)), ...phaseOut.filter(isChacha)];
  for (const expected of better) {
    const pick = await chosen(context, 'cipher-order', enumeration.version, [...ordered, expected]);
    if (pick === undefined) return { tested: false, serverPreference: preference };
    if (pick !== expected) return { tested: true, violation: { chosen: pick, expected }, serverPreference: preference };
  }
  return { tested: true, serverPreference: preference };
}

/**
 * Enumerates named groups by iterative removal: at TLS ≤ 1.2 with the accepted ECDHE suites
 * (the group is in the ServerKeyExchange), at TLS 1.3 with an empty key_share (the server names
 * its group in a HelloRetryRequest). Costs accepted groups + 1 hellos.
 */
export async function enumerateGroups(context: ScanContext, enumeration: SuiteEnumerator): Promise<GroupEnumeration | undefined> {
  const version = enumeration.version;
  const tls13 = version === 'TLSv1.3';
  const suites = tls13
    ? enumeration.accepted
    : enumeration.accepted.filter((suite) => enumeration.flight(suite)?.keyExchange?.kind === 'ecdhe').slice(0, context.limits.chunkSize);
  if (suites.length === 0) return undefined;
  let pool = tls13 ? [...candidateGroups] : candidateGroups.filter(isEllipticGroup);
  const accepted: number[] = [];
  let complete = false;
  const step = `groups:${version}`;
  while (pool.length > 0) {
    const outcome = await context.hello({ version, suites, groups: pool, keyShares: [] }, 'chain');
    if (outcome.kind !== 'hello') {
      if (outcome.kind === 'alert' || (outcome.kind === 'failure' && (outcome.code === 'closed' || outcome.code === 'reset'))) {
        complete = true;
      } else {
        const { code, message } = describeOutcome(outcome);
        context.problem(step, code, message);
      }
      break;
    }
    const group = tls13 ? outcome.flight.serverHello.keyShareGroup : outcome.flight.keyExchange?.group;
    if (group === undefined) {
      context.problem(step, 'malformed', 'the server named no group');
      break;
    }
    accepted.push(group);
    if (!pool.includes(group)) {
      // A server that ignores the offer would be picked again and again; stop here.
      context.problem(step, 'unexpected-group', `the server chose group ${group}, which was not offered`);
      break;
    }
    pool = pool.filter((g) => g !== group);
    if (pool.length === 0) complete = true;
  }
  return { version, accepted, complete };
}
