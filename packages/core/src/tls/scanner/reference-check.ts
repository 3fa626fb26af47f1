/**
 * Whether another name's enumeration holds for this name, beyond equal first hellos (see
 * hello-fingerprint.ts). A server may give names their own cipher lists, and the first hellos show
 * only the suite it prefers. So, at every version the reference enumerated:
 * - every candidate the reference did not accept is offered again (in the enumeration's chunks),
 *   and must be refused: this name accepts no suite the reference lacked;
 * - the accepted suites of the reference's worst NCSC level are offered alone, and one must be
 *   accepted: this name still accepts a suite at that level.
 * Together the ciphers verdict cannot differ: nothing worse was added, and the worst is still there.
 * Any answer that is not a clear refusal or acceptance (a time-out, a failed connection, another
 * version) counts as a difference, and the name is then scanned in full.
 */
import type { NcscLevel } from '../tables/levels.js';
import { ncscLevels } from '../tables/levels.js';
import type { TlsEvidence } from '../types.js';
import { suiteCandidates, versionCode } from './constants.js';
import type { ScanContext } from './context.js';
import type { HelloOutcome } from './dialer.js';
import type { HelloVersion } from './enumerate.js';

/** A clear refusal: an alert, or the connection closed or reset in answer to the hello. */
function refused(outcome: HelloOutcome): boolean {
  return outcome.kind === 'alert' || (outcome.kind === 'failure' && (outcome.code === 'closed' || outcome.code === 'reset'));
}

/** An acceptance at the version offered, of one of the suites offered. */
function acceptedOneOf(outcome: HelloOutcome, version: HelloVersion, offered: readonly number[]): boolean {
  return (
    outcome.kind === 'hello' &&
    outcome.flight.serverHello.version === versionCode[version] &&
    offered.includes(outcome.flight.serverHello.suite)
  );
}

/**
 * Offers the hellos described above with this scan's SNI and profile; resolves true when every
 * answer agrees with the reference. Runs the hellos side by side within the dialer's slots.
 */
export async function referenceHolds(
  context: ScanContext,
  reference: TlsEvidence,
  suiteLevel: (suite: number) => NcscLevel,
): Promise<boolean> {
  const checks: Promise<boolean>[] = [];
  for (const enumeration of reference.suites) {
    const version = enumeration.version;
    if (version === 'SSLv2') continue;
    // An enumeration that stopped early is no ground to stand on.
    if (!enumeration.complete) return false;
    const accepted = new Set(enumeration.accepted);
    const others = suiteCandidates(version).filter((suite) => !accepted.has(suite));
    for (let start = 0; start < others.length; start += context.limits.chunkSize) {
      const suites = others.slice(start, start + context.limits.chunkSize);
      checks.push(context.hello({ version, suites }).then(refused));
    }
    const worst = Math.max(-1, ...enumeration.accepted.map((suite) => ncscLevels.indexOf(suiteLevel(suite))));
    const atWorst = enumeration.accepted.filter((suite) => ncscLevels.indexOf(suiteLevel(suite)) === worst);
    if (atWorst.length > 0)
      checks.push(context.hello({ version, suites: atWorst }).then((outcome) => acceptedOneOf(outcome, version, atWorst)));
  }
  const answers = await Promise.all(checks);
  return answers.every(Boolean);
}
