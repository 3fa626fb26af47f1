import type { ScanReport } from '@pastoe/core';
import type { Language } from '../messages/types.js';
import { ui } from '../messages/ui.js';

/** One line of a report's provenance block: a label and its value. */
export interface ProvenanceLine {
  /** The localised label. */
  readonly label: string;
  /** The value as text. */
  readonly value: string;
}

/**
 * The provenance block of a report: the pastoe version that scanned and when, then what the
 * verdicts rest on (rule set versions, resolver, DNSSEC trust anchors, certificate roots, RPKI
 * sources) and the vantage check. A report of pastoe before 0.3 has no provenance: the resolver of
 * its vantage check stands in. Times are the report's own, so a stored report renders the same
 * every time.
 */
export function provenanceLines(report: ScanReport, language: Language): ProvenanceLine[] {
  const line = (id: Parameters<typeof ui>[0], value: string): ProvenanceLine => ({ label: ui(id, language), value });
  const lines: ProvenanceLine[] = [
    line('provenance.version', report.tool.version),
    line('provenance.scanned', `${report.startedAt} – ${report.finishedAt}`),
  ];
  const provenance = report.provenance;
  if (provenance !== undefined) {
    lines.push(line('provenance.rulesets', ui('provenance.rulesets.value', language, { ...provenance.rulesets })));
    lines.push(line('provenance.resolver', provenance.resolver));
    const dnssec = provenance.dnssec;
    if (dnssec !== undefined) {
      const text =
        dnssec.mode === 'own'
          ? ui('provenance.dnssec.own', language, { anchors: dnssec.trustAnchors.join('; ') })
          : ui('provenance.dnssec.upstream-ad', language);
      lines.push(line('provenance.dnssec', text));
    }
    const trust = provenance.certificateTrust;
    const custom = trust.custom.map((certificate) => certificate.subject).join('; ');
    lines.push(
      line(
        'provenance.certificateTrust',
        ui('provenance.certificateTrust.value', language, { mozilla: trust.mozillaRoots, custom: custom === '' ? '0' : custom }),
      ),
    );
    lines.push(line('provenance.rpki', ui(provenance.rpki ? 'provenance.rpki.yes' : 'provenance.rpki.no', language)));
  } else if (report.vantage !== undefined) {
    lines.push(line('provenance.resolver', report.vantage.resolver));
  }
  const vantage = report.vantage;
  if (vantage !== undefined) {
    const failed = vantage.steps.filter((step) => !step.ok).map((step) => `${step.step} (${step.reason ?? step.code ?? '?'})`);
    const text = vantage.ok
      ? ui('provenance.vantage.ok', language, { needs: vantage.needs.join(', ') })
      : ui('provenance.vantage.failed', language, { steps: failed.join('; ') });
    lines.push(line('provenance.vantage', text));
  }
  return lines;
}
