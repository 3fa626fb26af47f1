import type { DnsErrorCode, DnsMessage, DnsRecord, Rcode, RecordType, Resolver } from '../dns/types.js';
import { type IndeterminateReason, reasonForEdeCode } from './reasons.js';
import type { AnswerKind, ValidateOptions } from './types.js';
import { bogus, indeterminate, secure, type Verdict } from './verdict.js';

/** What the upstream's answer says, as the validation result reports it. */
export interface UpstreamVerdict {
  /** The verdict. */
  readonly verdict: Verdict;
  /** The response code, when there was a response. */
  readonly rcode?: Rcode;
  /** What kind of answer it was. */
  readonly answer?: AnswerKind;
  /** The answer's records without RRSIGs. */
  readonly records?: readonly DnsRecord[];
}

/** The caller's signal and the validation's time limit as one signal. */
function validationSignal(options: ValidateOptions): AbortSignal | undefined {
  const signals = [options.signal, options.timeoutMs === undefined ? undefined : AbortSignal.timeout(options.timeoutMs)].filter(
    (s): s is AbortSignal => s !== undefined,
  );
  return signals.length > 1 ? AbortSignal.any(signals) : signals[0];
}

function reasonForDnsError(code: DnsErrorCode): IndeterminateReason {
  if (code === 'timeout') return 'timeout';
  if (code === 'aborted') return 'aborted';
  return code === 'malformed' ? 'malformed' : 'network';
}

/** A SERVFAIL is bogus when it carries an Extended DNS Error that names a DNSSEC failure, else indeterminate. */
function servfailVerdict(message: DnsMessage): Verdict {
  const ede = message.edns?.extendedErrors.find((e) => reasonForEdeCode(e.code) !== undefined);
  const reason = ede === undefined ? undefined : reasonForEdeCode(ede.code);
  return ede !== undefined && reason !== undefined
    ? bogus(reason, `the resolver reported EDE ${ede.code}${ede.text === undefined ? '' : ` (${ede.text})`}`)
    : indeterminate('servfail', 'the resolver answered SERVFAIL');
}

/**
 * Asks a validating resolver once, without CD, and reads its verdict: AD means secure, SERVFAIL
 * with a DNSSEC Extended DNS Error bogus, any other answer insecure.
 */
export async function askValidatingUpstream(
  resolver: Resolver,
  name: string,
  type: RecordType,
  options: ValidateOptions,
  queryTimeoutMs: number | undefined,
): Promise<UpstreamVerdict> {
  const signal = validationSignal(options);
  const result = await resolver.query(
    { name: name === '' ? '.' : name, type, dnssecOk: true, checkingDisabled: false, recursionDesired: true },
    { ...(signal === undefined ? {} : { signal }), ...(queryTimeoutMs === undefined ? {} : { timeoutMs: queryTimeoutMs }) },
  );
  if (!result.ok) return { verdict: indeterminate(reasonForDnsError(result.error.code), result.error.message) };
  const message = result.message;
  if (message.rcode === 'SERVFAIL') return { verdict: servfailVerdict(message), rcode: message.rcode, answer: 'none' };
  if (message.rcode !== 'NOERROR' && message.rcode !== 'NXDOMAIN') {
    return { verdict: indeterminate('refused', `the resolver answered ${message.rcode}`), rcode: message.rcode };
  }
  const records = message.answers.filter((r) => r.data.type !== 'RRSIG');
  const answer: AnswerKind = message.rcode === 'NXDOMAIN' ? 'nxdomain' : records.length > 0 ? 'positive' : 'nodata';
  const verdict: Verdict = message.flags.ad
    ? secure
    : { status: 'insecure', reason: 'upstream-not-authenticated', detail: 'the resolver did not set the AD bit' };
  return { verdict, rcode: message.rcode, answer, records };
}
