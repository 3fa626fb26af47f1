import type { Proofs } from './verified-proofs.js';
import type { DenialResult } from './proof.js';
import type { BogusReason, IndeterminateReason, ValidationReason, ValidationStatus } from './reasons.js';
import type { ZoneState } from './zone-state.js';

/** What a validation, or one part of it, concluded. */
export type Verdict = {
  readonly status: ValidationStatus;
  readonly reason: ValidationReason;
  readonly detail?: string;
};

/** The verdict of data that validated. */
export const secure: Verdict = { status: 'secure', reason: 'validated' };

/** A bogus verdict. */
export function bogus(reason: BogusReason, detail: string): Verdict {
  return { status: 'bogus', reason, detail };
}

/** An indeterminate verdict. */
export function indeterminate(reason: IndeterminateReason, detail: string): Verdict {
  return { status: 'indeterminate', reason, detail };
}

/** The verdict for data signed in a zone with this state, when the zone is not secure. */
export function fromState(state: ZoneState): Verdict {
  return state.status === 'secure' ? secure : { status: state.status, reason: state.reason, detail: state.detail };
}

/** The verdict of a denial proof made from `proofs`. */
export function fromDenial(result: DenialResult, proofs: Proofs): Verdict {
  switch (result.kind) {
    case 'proven':
      return secure;
    case 'insecure':
      return { status: 'insecure', reason: result.reason, detail: result.detail };
    case 'limit':
      return indeterminate('work-limit-exceeded', result.detail);
    case 'bogus':
      // When a proof record failed its signature check, that failure is the real cause.
      return result.reason === 'nsec-missing' && proofs.failure !== undefined
        ? bogus(proofs.failure.reason, proofs.failure.detail)
        : bogus(result.reason, result.detail);
  }
}
