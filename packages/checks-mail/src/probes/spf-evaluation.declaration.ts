import { declareProbe } from '@pastoe/core/model';
import type { SpfResult, SpfTreeNode } from '../spf/tree.js';

/**
 * The client address the SPF evaluation probe checks: the network address of TEST-NET-1 (RFC 5737),
 * which no sound record authorizes, so that every term up to `all` is evaluated.
 */
export const spfEvaluationClientIp = '192.0.2.0';

/**
 * A full RFC 7208 `check_host()` of the mail domain for a client no term authorizes: what a
 * receiver's evaluation costs at most (lookups, void lookups) and how it ends.
 */
export interface SpfEvaluationEvidence {
  /** The mail domain, lowercase. */
  readonly domain: string;
  /** The client address evaluated ({@link spfEvaluationClientIp}). */
  readonly ip: string;
  /** The MAIL FROM evaluated: `postmaster@<domain>`. */
  readonly sender: string;
  /** The result of `check_host()`. */
  readonly result: SpfResult;
  /** Why the result is an error or `none`, in one line. */
  readonly reason?: string;
  /** DNS-lookup terms counted (RFC 7208 §4.6.4). */
  readonly lookups: number;
  /** Lookups that found nothing (NXDOMAIN or no records), counted as RFC 7208 §4.6.4 says. */
  readonly voidLookups: number;
  /** Every record read, with its lookups and the names of its void lookups. */
  readonly tree: SpfTreeNode;
}

/** The mail domain's SPF record evaluated as a receiver would for a client it does not authorize. */
export const spfEvaluationDeclaration = declareProbe<SpfEvaluationEvidence>({
  id: 'mail-spf-evaluation',
  description: "Evaluates the mail domain's SPF record (RFC 7208 check_host) for a client address no term authorizes",
});
