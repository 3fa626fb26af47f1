/**
 * The lookup tree an SPF evaluation leaves: which records it read, through which include or
 * redirect, and what each cost in DNS lookups. Plain JSON, bounded in size.
 */

/** The results of `check_host()` (RFC 7208 §2.6). */
export type SpfResult = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'permerror' | 'temperror';

/** The most nodes a tree holds; further includes are counted but not listed. */
export const maxSpfTreeNodes = 64;

/** One record in the tree: the domain checked, how it was reached, and what it cost. */
export interface SpfTreeNode {
  /** The domain whose record this is. */
  readonly domain: string;
  /** How it was reached: the domain checked first, an `include:` or a `redirect=`. */
  readonly via: 'check' | 'include' | 'redirect';
  /** The term that led here, as written (absent for the first domain). */
  readonly term?: string;
  /** The SPF record found there, when exactly one was. */
  readonly record?: string;
  /**
   * The result of checking this domain; `not-evaluated` for records only counted after the
   * lookup limit was exceeded.
   */
  readonly result: SpfResult | 'not-evaluated';
  /** Why the result is an error or `none`, in one line. */
  readonly reason?: string;
  /** DNS-lookup terms (include, a, mx, ptr, exists, redirect) of this record itself. */
  readonly lookups: number;
  /** {@link SpfTreeNode.lookups} of this record and every record below it. */
  readonly totalLookups: number;
  /** Lookups of this record that found nothing (NXDOMAIN or no records). */
  readonly voidLookups: number;
  /** The names those void lookups asked about, in order (absent when there were none). */
  readonly voidNames?: readonly string[];
  /** Reached only after the 10-lookup limit was exceeded: counted, not evaluated. */
  readonly pastLimit: boolean;
  /** The includes and the redirect followed from this record, in order. */
  readonly children: readonly SpfTreeNode[];
  /** Set when includes below this record were left out because the tree reached its size limit. */
  readonly truncated?: boolean;
}

/** The tree while it is being built. */
export interface MutableSpfTreeNode {
  domain: string;
  via: SpfTreeNode['via'];
  term?: string;
  record?: string;
  result: SpfTreeNode['result'];
  reason?: string;
  lookups: number;
  voidLookups: number;
  voidNames?: string[];
  pastLimit: boolean;
  children: MutableSpfTreeNode[];
  truncated?: boolean;
}

/** Freezes a tree under construction into its JSON form, with the totals filled in. */
export function finishSpfTree(node: MutableSpfTreeNode): SpfTreeNode {
  const children = node.children.map(finishSpfTree);
  const totalLookups = node.lookups + children.reduce((sum, child) => sum + child.totalLookups, 0);
  return {
    domain: node.domain,
    via: node.via,
    ...(node.term === undefined ? {} : { term: node.term }),
    ...(node.record === undefined ? {} : { record: node.record }),
    result: node.result,
    ...(node.reason === undefined ? {} : { reason: node.reason }),
    lookups: node.lookups,
    totalLookups,
    voidLookups: node.voidLookups,
    ...(node.voidNames === undefined ? {} : { voidNames: [...node.voidNames] }),
    pastLimit: node.pastLimit,
    children,
    ...(node.truncated === true ? { truncated: true } : {}),
  };
}
