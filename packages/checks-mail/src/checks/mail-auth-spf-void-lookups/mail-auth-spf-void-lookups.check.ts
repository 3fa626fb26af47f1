import { type CheckResult, defineCheck, type Finding, type JsonObject } from '@pastoe/core/model';
import { type SpfEvaluationEvidence, spfEvaluationDeclaration } from '../../probes/spf-evaluation.declaration.js';
import { type SpfEvidence, spfDeclaration } from '../../probes/spf.declaration.js';
import type { SpfTreeNode } from '../../spf/tree.js';
import { judgeSpfExists } from '../mail-auth-spf-exist/mail-auth-spf-exist.check.js';

const id = 'mail-auth-spf-void-lookups';

/** The void lookups RFC 7208 §4.6.4 allows one evaluation; one more is a `permerror`. */
export const maxSpfVoidLookups = 2;

/** Each void lookup of the tree, depth first: the name asked and the record whose term asked it. */
function voidLookupsOf(node: SpfTreeNode): { name: string; record: string }[] {
  return [
    ...(node.voidNames ?? []).map((name) => ({ name, record: node.domain })),
    ...node.children.flatMap((child) => voidLookupsOf(child)),
  ];
}

/**
 * Judges the void lookups of the domain's SPF evaluation (RFC 7208 §4.6.4): at most
 * {@link maxSpfVoidLookups} pass, more fail, since receivers then return `permerror` and the
 * record authorizes nothing. Not tested without exactly one SPF record, or when the evaluation
 * ended in another `permerror` first (its void lookups were not all made); a DNS failure on the
 * way (`temperror`) is a test error.
 */
function judgeSpfVoidLookups(spf: SpfEvidence, evaluation: SpfEvaluationEvidence): CheckResult {
  const exists = judgeSpfExists(spf);
  if (exists.status === 'error') {
    return {
      status: 'error',
      outcome: 'error',
      findings: [{ id: `${id}.lookup-failed`, params: { domain: spf.domain } }],
      ...(exists.error === undefined ? {} : { error: exists.error }),
    };
  }
  if (exists.status !== 'pass') return { status: 'not-tested', outcome: 'not-tested', findings: [{ id: `${id}.no-single-record` }] };
  const voids = voidLookupsOf(evaluation.tree);
  const facts: JsonObject = {
    result: evaluation.result,
    voidLookups: evaluation.voidLookups,
    limit: maxSpfVoidLookups,
    voidNames: voids.map(({ name, record }) => [record, name]),
  };
  if (evaluation.result === 'temperror') {
    return {
      status: 'error',
      outcome: 'error',
      findings: [{ id: `${id}.evaluation-failed`, params: { reason: evaluation.reason ?? 'temperror' } }],
      error: { code: 'dns-error', message: evaluation.reason ?? `the SPF evaluation of ${evaluation.domain} ended in temperror` },
      facts,
    };
  }
  const named: Finding[] = voids.map(({ name, record }) => ({ id: `${id}.void-lookup`, params: { name, record } }));
  if (evaluation.voidLookups > maxSpfVoidLookups) {
    return {
      status: 'fail',
      outcome: 'bad',
      findings: [{ id: `${id}.too-many`, params: { count: evaluation.voidLookups, limit: maxSpfVoidLookups } }, ...named],
      facts,
    };
  }
  if (evaluation.result === 'permerror' || evaluation.result === 'none') {
    return {
      status: 'not-tested',
      outcome: 'not-tested',
      findings: [{ id: `${id}.evaluation-stopped`, params: { result: evaluation.result, reason: evaluation.reason ?? '' } }, ...named],
      facts,
    };
  }
  return { status: 'pass', outcome: 'good', findings: named, facts };
}

/**
 * The SPF evaluation makes at most two void lookups (RFC 7208 §4.6.4): names in `a`, `mx`, `ptr`
 * or `exists` terms that do not exist or hold no records. A third makes receivers return
 * `permerror`, so the record protects nothing. Beyond Internet.nl, outside its score.
 */
export const mailAuthSpfVoidLookups = defineCheck({
  id,
  standard: 'spf',
  level: 'recommended',
  references: [{ kind: 'rfc', id: 'RFC 7208', section: '4.6.4' }],
  probes: { spf: spfDeclaration, evaluation: spfEvaluationDeclaration },
  evaluate: ({ spf, evaluation }) => judgeSpfVoidLookups(spf.data, evaluation.data),
});
