import { type Evidence, type EvidenceBundle, evaluate, policies, score } from '@pastoe/core';
import { describe, expect, it } from 'vitest';
import type { SpfEvaluationEvidence } from '../../probes/spf-evaluation.declaration.js';
import type { SpfEvidence, SpfTxtLookup } from '../../probes/spf.declaration.js';
import type { SpfTreeNode } from '../../spf/tree.js';
import { mailAuthSpfVoidLookups } from './mail-auth-spf-void-lookups.check.js';

const at = '2026-11-23T12:00:00.000Z';
const domain = 'example.test';
const subject = { name: domain, role: 'domain' as const };
const record = 'v=spf1 a:nx1.example.test a:nx2.example.test include:other.test -all';

const txt = (...texts: string[]): SpfTxtLookup => ({ rcode: 'NOERROR', texts });

function node(fields: Partial<SpfTreeNode> & Pick<SpfTreeNode, 'domain'>): SpfTreeNode {
  return { via: 'check', result: 'fail', lookups: 0, totalLookups: 0, voidLookups: 0, pastLimit: false, children: [], ...fields };
}

function evaluation(fields: Partial<SpfEvaluationEvidence> = {}): SpfEvaluationEvidence {
  return {
    domain,
    ip: '192.0.2.0',
    sender: `postmaster@${domain}`,
    result: 'fail',
    lookups: 3,
    voidLookups: 0,
    tree: node({ domain, record }),
    ...fields,
  };
}

function judge(lookup: SpfTxtLookup, data: SpfEvaluationEvidence = evaluation()) {
  const spf: SpfEvidence = { domain, lookup, targets: {}, truncated: false };
  const evidence: Evidence<unknown>[] = [
    { probe: 'mail-spf', subject, startedAt: at, durationMs: 1, ok: true, data: spf },
    { probe: 'mail-spf-evaluation', subject, startedAt: at, durationMs: 1, ok: true, data },
  ];
  const bundle: EvidenceBundle = {
    target: { domain, input: domain },
    startedAt: at,
    probes: ['mail-spf', 'mail-spf-evaluation'],
    evidence,
  };
  const [verdict] = evaluate([mailAuthSpfVoidLookups], bundle);
  if (verdict === undefined) throw new Error('no verdict');
  return verdict;
}

/** Two void lookups in the domain's record and one in the record it includes. */
const threeVoids = evaluation({
  result: 'permerror',
  reason: 'more than 2 void DNS lookups',
  voidLookups: 3,
  tree: node({
    domain,
    record,
    result: 'permerror',
    voidLookups: 2,
    voidNames: ['nx1.example.test', 'nx2.example.test'],
    children: [node({ domain: 'other.test', via: 'include', voidLookups: 1, voidNames: ['nx3.other.test'] })],
  }),
});

describe('mail-auth-spf-void-lookups', () => {
  it('passes an evaluation without void lookups, and one with two, naming them', () => {
    expect(judge(txt(record))).toMatchObject({ status: 'pass', outcome: 'good', findings: [], facts: { voidLookups: 0, limit: 2 } });
    const two = judge(
      txt(record),
      evaluation({ voidLookups: 2, tree: node({ domain, record, voidLookups: 2, voidNames: ['nx1.example.test', 'nx2.example.test'] }) }),
    );
    expect(two).toMatchObject({ status: 'pass', outcome: 'good' });
    expect(two.findings.map((f) => f.params?.name)).toEqual(['nx1.example.test', 'nx2.example.test']);
  });

  it('fails more than two void lookups, naming each and the record whose term asked, as a warning outside the score', () => {
    const verdict = judge(txt(record), threeVoids);
    expect(verdict).toMatchObject({ rawStatus: 'fail', status: 'warning', outcome: 'bad', level: 'recommended' });
    expect(verdict.findings).toEqual([
      { id: 'mail-auth-spf-void-lookups.too-many', params: { count: 3, limit: 2 } },
      { id: 'mail-auth-spf-void-lookups.void-lookup', params: { name: 'nx1.example.test', record: 'example.test' } },
      { id: 'mail-auth-spf-void-lookups.void-lookup', params: { name: 'nx2.example.test', record: 'example.test' } },
      { id: 'mail-auth-spf-void-lookups.void-lookup', params: { name: 'nx3.other.test', record: 'other.test' } },
    ]);
    expect(verdict.internetnl).toBeUndefined();
    const mailAuth = score({ verdicts: [verdict] }, policies.internetnlMail).suites[0]?.categories.find((c) => c.id === 'mail_auth');
    expect(mailAuth?.max ?? 0).toBe(0);
  });

  it('is not tested without exactly one SPF record, or when another permerror ended the evaluation first', () => {
    expect(judge({ rcode: 'NXDOMAIN', texts: [] }, evaluation({ result: 'none' }))).toMatchObject({
      status: 'not-tested',
      findings: [{ id: 'mail-auth-spf-void-lookups.no-single-record' }],
    });
    expect(judge(txt('v=spf1 -all', 'v=spf1 ~all'), evaluation({ result: 'permerror' })).status).toBe('not-tested');
    const stopped = judge(txt(record), evaluation({ result: 'permerror', reason: 'the included domain other.test has no SPF record' }));
    expect(stopped).toMatchObject({
      status: 'not-tested',
      outcome: 'not-tested',
      findings: [
        {
          id: 'mail-auth-spf-void-lookups.evaluation-stopped',
          params: { result: 'permerror', reason: 'the included domain other.test has no SPF record' },
        },
      ],
    });
  });

  it('is a test error when the SPF lookup or the evaluation met a DNS failure, never a fail', () => {
    const servfail = judge({ rcode: 'SERVFAIL', error: 'the server answered SERVFAIL', texts: [] }, evaluation({ result: 'temperror' }));
    expect(servfail).toMatchObject({ status: 'error', outcome: 'error', error: { code: 'dns-error' } });
    const temperror = judge(txt(record), evaluation({ result: 'temperror', reason: 'A nx1.example.test: timeout: no answer' }));
    expect(temperror).toMatchObject({ status: 'error', outcome: 'error', error: { message: 'A nx1.example.test: timeout: no answer' } });
  });
});
