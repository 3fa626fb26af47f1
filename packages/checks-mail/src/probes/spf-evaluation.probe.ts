import { implementProbe, type ProbeDefinition } from '@pastoe/core';
import { evaluateSpf } from '../spf/evaluate.js';
import { type SpfEvaluationEvidence, spfEvaluationClientIp, spfEvaluationDeclaration } from './spf-evaluation.declaration.js';

/**
 * Implements {@link spfEvaluationDeclaration} with {@link evaluateSpf} over the scan's resolver:
 * `postmaster@<domain>` from {@link spfEvaluationClientIp}, HELO the domain. DNS failures end the
 * evaluation in `temperror`, which the evidence keeps; the probe itself does not fail.
 */
export const spfEvaluationProbe: ProbeDefinition<SpfEvaluationEvidence, 'target'> = implementProbe(spfEvaluationDeclaration, {
  async run(subject, context) {
    const domain = subject.name.toLowerCase();
    const sender = `postmaster@${domain}`;
    const evaluation = await evaluateSpf({
      ip: spfEvaluationClientIp,
      sender,
      helo: domain,
      resolver: context.transports.resolver,
      signal: context.signal,
      now: () => context.now().getTime(),
    });
    return { domain, ip: spfEvaluationClientIp, sender, ...evaluation };
  },
});
