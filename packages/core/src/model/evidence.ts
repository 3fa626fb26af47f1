import type { JsonValue } from './json.js';
import type { Subject } from './subject.js';

/**
 * Why a probe produced no data. Each code names one kind of failure so that checks and reports
 * can tell a timeout from a refusal without parsing prose.
 */
export type ProbeErrorCode =
  /** The probe did not finish within its time limit. */
  | 'timeout'
  /** The caller's AbortSignal stopped the probe. */
  | 'aborted'
  /** The peer actively refused the connection (TCP RST, ICMP unreachable). */
  | 'refused'
  /** The peer could not be reached (no route, no address). */
  | 'unreachable'
  /** The address policy forbids contacting the address (private, loopback, reserved). */
  | 'forbidden-address'
  /** DNS answered SERVFAIL. */
  | 'servfail'
  /** DNS answered NXDOMAIN where data was required. */
  | 'nxdomain'
  /** DNS answered REFUSED. */
  | 'dns-refused'
  /** The peer sent bytes that do not parse. */
  | 'malformed'
  /** The peer sent more bytes than the probe accepts. */
  | 'too-large'
  /** A protocol-level failure such as a TLS alert or an SMTP error reply. */
  | 'protocol'
  /** The probe needs something this environment cannot do. */
  | 'unsupported'
  /** A dependency this probe plans from failed, so there was nothing to probe. */
  | 'dependency'
  /**
   * pastoe's own vantage point failed a need of this probe (no resolver, a lying resolver, no
   * TCP egress), so the probe did not run; `detail` holds the failed step.
   */
  | 'vantage'
  /** A bug: the probe threw something it did not expect. */
  | 'internal';

/** A typed probe failure with a human-readable reason. */
export interface ProbeError {
  /** The kind of failure. */
  readonly code: ProbeErrorCode;
  /** A one-line reason in English, for logs and the `error` verdict. */
  readonly message: string;
  /** Optional structured detail (an rcode, an alert number, the bytes read). */
  readonly detail?: JsonValue;
}

/** What every piece of evidence carries, whether the probe succeeded or not. */
export interface EvidenceEnvelope {
  /** The probe that produced it. */
  readonly probe: string;
  /** What it is about. */
  readonly subject: Subject;
  /** When the probe started (ISO 8601). */
  readonly startedAt: string;
  /** How long it took, in milliseconds. */
  readonly durationMs: number;
}

/** Evidence from a probe that produced data. */
export interface EvidenceSuccess<Data> extends EvidenceEnvelope {
  /** The probe produced data. */
  readonly ok: true;
  /** The data: plain, JSON-serialisable. */
  readonly data: Data;
}

/** Evidence from a probe that failed. */
export interface EvidenceFailure extends EvidenceEnvelope {
  /** The probe failed. */
  readonly ok: false;
  /** Why. */
  readonly error: ProbeError;
}

/** The outcome of one probe run on one subject: data or a typed error, with when and how long. */
export type Evidence<Data> = EvidenceSuccess<Data> | EvidenceFailure;

/**
 * An error a probe throws to report a typed failure. Any other thrown value becomes an
 * `internal` error.
 */
export class ProbeFailure extends Error {
  /** The kind of failure. */
  readonly code: ProbeErrorCode;
  /** Optional structured detail. */
  readonly detail: JsonValue | undefined;

  /**
   * @param code - the kind of failure
   * @param message - a one-line reason
   * @param detail - optional structured detail
   */
  constructor(code: ProbeErrorCode, message: string, detail?: JsonValue) {
    super(message);
    this.name = 'ProbeFailure';
    this.code = code;
    this.detail = detail;
  }

  /** The failure as plain data. */
  toProbeError(): ProbeError {
    return this.detail === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, detail: this.detail };
  }
}
