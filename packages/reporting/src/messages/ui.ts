import type { VerdictStatus } from '@pastoe/core';
import type { MeetsText } from '../meets.js';
import type { Language, LocalText } from './types.js';

/**
 * Every word the Markdown and HTML reports write themselves (headings, labels, status names,
 * category and standard names), in Dutch and English. Placeholders are `{name}`, as in the
 * check catalogue. Check texts live in the catalogue (web.ts, mail.ts), not here.
 */
export const uiText = {
  'report.title': { nl: 'pastoe-rapport', en: 'pastoe report' },
  'report.title-domain': { nl: 'pastoe-rapport: {domain}', en: 'pastoe report: {domain}' },
  'report.overview': { nl: 'Overzicht', en: 'Overview' },
  'report.domain': { nl: 'Domein', en: 'Domain' },
  'report.no-reports': { nl: 'Geen domeinen in dit rapport.', en: 'No domains in this report.' },
  'score.web': { nl: 'Internet.nl websitetest', en: 'Internet.nl website test' },
  'score.mail': { nl: 'Internet.nl e-mailtest', en: 'Internet.nl email test' },
  'score.incomplete': {
    nl: '{missing} van de tests ontbreken in dit rapport; de score is over wat getest is.',
    en: '{missing} of the tests are missing from this report; the score is over what was tested.',
  },
  'streefbeeld.domain': { nl: 'Streefbeeld', en: 'Target state' },
  'streefbeeld.web': { nl: 'Streefbeeld website', en: 'Target state website' },
  'streefbeeld.mail': { nl: 'Streefbeeld e-mail', en: 'Target state email' },
  'streefbeeld.unmet': { nl: 'Niet gehaald: {standards}', en: 'Not met: {standards}' },
  'meets.yes': { nl: 'gehaald', en: 'met' },
  'meets.no': { nl: 'niet gehaald', en: 'not met' },
  'meets.unknown': { nl: 'onbeslist', en: 'undecided' },
  'meets.not-applicable': { nl: 'niet van toepassing', en: 'not applicable' },
  'suite.web': { nl: 'Website', en: 'Website' },
  'suite.mail': { nl: 'E-mail', en: 'Email' },
  'category.web_ipv6': { nl: 'Website: IPv6', en: 'Website: IPv6' },
  'category.web_dnssec': { nl: 'Website: DNSSEC', en: 'Website: DNSSEC' },
  'category.web_https': { nl: 'Website: HTTPS', en: 'Website: HTTPS' },
  'category.web_appsecpriv': { nl: 'Website: beveiligingsopties', en: 'Website: security options' },
  'category.web_rpki': { nl: 'Website: RPKI', en: 'Website: RPKI' },
  'category.mail_ipv6': { nl: 'E-mail: IPv6', en: 'Email: IPv6' },
  'category.mail_dnssec': { nl: 'E-mail: DNSSEC', en: 'Email: DNSSEC' },
  'category.mail_auth': { nl: 'E-mail: DMARC, DKIM en SPF', en: 'Email: DMARC, DKIM and SPF' },
  'category.mail_starttls': { nl: 'E-mail: STARTTLS en DANE', en: 'Email: STARTTLS and DANE' },
  'category.mail_rpki': { nl: 'E-mail: RPKI', en: 'Email: RPKI' },
  'category.other': { nl: 'Overige controles (buiten de Internet.nl-score)', en: 'Other checks (outside the Internet.nl score)' },
  'standard.ipv6': { nl: 'IPv6', en: 'IPv6' },
  'standard.dnssec': { nl: 'DNSSEC', en: 'DNSSEC' },
  'standard.https': { nl: 'HTTPS', en: 'HTTPS' },
  'standard.hsts': { nl: 'HSTS', en: 'HSTS' },
  'standard.tls': { nl: 'TLS (NCSC)', en: 'TLS (NCSC)' },
  'standard.security-headers': { nl: 'Beveiligingsheaders', en: 'Security headers' },
  'standard.security-txt': { nl: 'security.txt', en: 'security.txt' },
  'standard.rpki': { nl: 'RPKI', en: 'RPKI' },
  'standard.spf': { nl: 'SPF', en: 'SPF' },
  'standard.dkim': { nl: 'DKIM', en: 'DKIM' },
  'standard.dmarc': { nl: 'DMARC', en: 'DMARC' },
  'standard.starttls': { nl: 'STARTTLS', en: 'STARTTLS' },
  'standard.dane': { nl: 'DANE', en: 'DANE' },
  'standard.caa': { nl: 'CAA', en: 'CAA' },
  'standard.mta-sts': { nl: 'MTA-STS', en: 'MTA-STS' },
  'standard.tls-rpt': { nl: 'TLS-RPT', en: 'TLS-RPT' },
  'status.heading': { nl: 'Status', en: 'Status' },
  'status.pass': { nl: 'goed', en: 'pass' },
  'status.fail': { nl: 'fout', en: 'fail' },
  'status.warning': { nl: 'waarschuwing', en: 'warning' },
  'status.info': { nl: 'informatie', en: 'info' },
  'status.not-tested': { nl: 'niet getest', en: 'not tested' },
  'status.not-applicable': { nl: 'niet van toepassing', en: 'not applicable' },
  'status.error': { nl: 'niet beoordeeld', en: 'not judged' },
  'check.heading': { nl: 'Controle', en: 'Check' },
  'check.result': { nl: 'Uitkomst', en: 'Result' },
  'check.findings': { nl: 'Bevindingen', en: 'Findings' },
  'check.more-findings': { nl: 'en nog {count} bevindingen', en: 'and {count} more findings' },
  'check.evidence': { nl: 'Bewijs per server', en: 'Evidence per server' },
  'check.more-servers': { nl: 'en nog {count} servers', en: 'and {count} more servers' },
  'check.server': { nl: 'Server', en: 'Server' },
  'check.facts': { nl: 'Gegevens', en: 'Facts' },
  'check.explanation': { nl: 'Uitleg', en: 'Explanation' },
  'check.advice': { nl: 'Advies', en: 'Advice' },
  'check.supplier': { nl: 'Vraag uw leverancier', en: 'Ask your supplier' },
  'error.not-the-domain': {
    nl: 'Dit zegt niets over het domein: pastoe kon deze controle niet uitvoeren. Herhaal de meting wanneer het netwerk, de resolver of de klok van pastoe weer werkt.',
    en: "This says nothing about the domain: pastoe could not carry out this check. Measure again once pastoe's network, resolver or clock works.",
  },
  'provenance.heading': { nl: 'Herkomst', en: 'Provenance' },
  'provenance.version': { nl: 'pastoe-versie', en: 'pastoe version' },
  'provenance.scanned': { nl: 'Gemeten', en: 'Scanned' },
  'provenance.rulesets': { nl: 'Regelsets', en: 'Rulesets' },
  'provenance.rulesets.value': {
    nl: 'NCSC TLS-richtlijnen {ncscTls}, Internet.nl {internetnl}, {streefbeeld}',
    en: 'NCSC TLS guidelines {ncscTls}, Internet.nl {internetnl}, {streefbeeld}',
  },
  'provenance.resolver': { nl: 'Resolver', en: 'Resolver' },
  'provenance.dnssec': { nl: 'DNSSEC-validatie', en: 'DNSSEC validation' },
  'provenance.dnssec.own': { nl: 'door pastoe, vanaf trust anchors {anchors}', en: 'by pastoe, from trust anchors {anchors}' },
  'provenance.dnssec.upstream-ad': { nl: 'AD-bit van de resolver vertrouwd', en: "the resolver's AD bit trusted" },
  'provenance.certificateTrust': { nl: 'Vertrouwde rootcertificaten', en: 'Trusted root certificates' },
  'provenance.certificateTrust.value': {
    nl: '{mozilla} van Mozilla, {custom} eigen',
    en: "{mozilla} of Mozilla's, {custom} own",
  },
  'provenance.rpki': { nl: 'RPKI-bronnen', en: 'RPKI sources' },
  'provenance.rpki.yes': { nl: 'ingesteld', en: 'configured' },
  'provenance.rpki.no': { nl: 'geen (RPKI niet getest)', en: 'none (RPKI not tested)' },
  'provenance.vantage': { nl: 'Meetpunt', en: 'Vantage point' },
  'provenance.vantage.ok': { nl: 'in orde ({needs})', en: 'working ({needs})' },
  'provenance.vantage.failed': { nl: 'gestoord: {steps}', en: 'failing: {steps}' },
  'compare.title': { nl: 'pastoe: vergelijking van twee metingen', en: 'pastoe: two measurements compared' },
  'compare.heading': { nl: 'Verandering in adoptie', en: 'Change in adoption' },
  'compare.measurement-a': { nl: 'Meting A (eerder)', en: 'Measurement A (earlier)' },
  'compare.measurement-b': { nl: 'Meting B (later)', en: 'Measurement B (later)' },
  'compare.measurement': {
    nl: 'meting {id}, gestart {started}, {domains} domeinen',
    en: 'measurement {id}, started {started}, {domains} domains',
  },
  'compare.item': { nl: 'Onderdeel', en: 'Item' },
  'compare.a': { nl: 'A', en: 'A' },
  'compare.b': { nl: 'B', en: 'B' },
  'compare.change': { nl: 'Verandering', en: 'Change' },
  'compare.points': { nl: '{points} procentpunt', en: '{points} points' },
  'compare.group-domains': { nl: '{group}: {a} domeinen in A, {b} in B', en: '{group}: {a} domains in A, {b} in B' },
  'compare.note': {
    nl: 'Verandering = aandeel in B min aandeel in A, in procentpunten. Een domein is verbeterd op een onderdeel dat het in A niet haalde en in B wel, en verslechterd op een onderdeel dat het in A haalde en in B niet. Wat pastoe in een van beide metingen niet kon beoordelen, wat niet van toepassing was en wat ontbrak telt niet als verbetering of verslechtering.',
    en: 'Change = share in B minus share in A, in percentage points. A domain improved on an item it did not meet in A and meets in B, and regressed on one it met in A and does not meet in B. What pastoe could not judge in either measurement, what did not apply and what was missing counts as neither.',
  },
  'compare.domains': { nl: 'Veranderingen per domein', en: 'Changes per domain' },
  'compare.improved': { nl: 'Verbeterd', en: 'Improved' },
  'compare.regressed': { nl: 'Verslechterd', en: 'Regressed' },
  'compare.no-changes': { nl: 'Geen domein is verbeterd of verslechterd.', en: 'No domain improved or regressed.' },
  'compare.unchanged': {
    nl: '{count} domeinen in beide metingen zijn niet veranderd.',
    en: '{count} domains in both measurements did not change.',
  },
  'compare.only-a': { nl: 'Alleen in meting A', en: 'Only in measurement A' },
  'compare.only-b': { nl: 'Alleen in meting B', en: 'Only in measurement B' },
  'compare.suppliers-note': {
    nl: 'Per leverancier: hoeveel domeinen er in A en in B gebruik van maken, en welk aandeel daarvan het streefbeeld en elke standaard van die rol haalt, in A, in B en de verandering. Een domein dat van leverancier wisselde telt in elke meting bij zijn leverancier van dat moment: een verandering van aandeel kan ook een verandering van klanten zijn.',
    en: 'Per supplier: how many domains use it in A and in B, and the share of them that meet the target state and each standard of the role, in A, in B and the change. A domain that changed supplier counts under its supplier of the time in each measurement: a change of share can also be a change of customers.',
  },
  'compare.domains-a': { nl: 'Domeinen in A', en: 'Domains in A' },
  'compare.domains-b': { nl: 'Domeinen in B', en: 'Domains in B' },
  'compare.suppliers-unattributed': {
    nl: '{a} domeinen in A en {b} in B zonder gegevens hierover tellen niet mee.',
    en: '{a} domains in A and {b} in B without data on this take no part.',
  },
  'chart.compare-title': { nl: 'Adoptie in meting A en B', en: 'Adoption in measurements A and B' },
  'chart.compare-description': {
    nl: 'Per streefbeeld en standaard twee horizontale staven: het aandeel domeinen dat het haalt in meting A (licht) en in meting B (donker).',
    en: 'Two horizontal bars per target state and standard: the share of domains that meet it in measurement A (light) and in measurement B (dark).',
  },
  'summary.heading': { nl: 'Adoptie', en: 'Adoption' },
  'summary.overall': { nl: 'Alle domeinen', en: 'All domains' },
  'summary.group': { nl: 'Groep', en: 'Group' },
  'summary.standard': { nl: 'Standaard', en: 'Standard' },
  'summary.domains': { nl: 'Domeinen', en: 'Domains' },
  'summary.streefbeeld': {
    nl: 'Aandeel domeinen dat het streefbeeld haalt',
    en: 'Share of domains that meet the target state',
  },
  'summary.standards': { nl: 'Aandeel domeinen dat de standaard haalt', en: 'Share of domains that meet each standard' },
  'summary.checks': { nl: 'Aandeel domeinen dat de controle doorstaat', en: 'Share of domains that pass each check' },
  'summary.share-note': {
    nl: 'Aandeel = gehaald / (gehaald + niet gehaald); domeinen die pastoe niet kon beoordelen, waar het niet van toepassing is of die niet gemeten zijn tellen niet mee.',
    en: 'Share = met / (met + not met); domains pastoe could not judge, where it does not apply, or that were not measured take no part.',
  },
  'summary.ungrouped': {
    nl: '{count} domeinen zonder groep tellen alleen mee in het totaal.',
    en: '{count} domains without a group count in the total only.',
  },
  'summary.no-data': { nl: 'geen gegevens', en: 'no data' },
  'suppliers.heading': { nl: 'Leveranciers', en: 'Suppliers' },
  'suppliers.note': {
    nl: 'Per leverancier: hoeveel domeinen er gebruik van maken en welk aandeel daarvan elke standaard haalt. E-mail naar de MX-servers, DNS naar de nameservers, websites naar het AS dat de adressen aankondigt. Domeinen die voldoen waar de meeste klanten van de leverancier dat niet doen, laten zien dat het kan.',
    en: 'Per supplier: how many domains use it and the share of them that meet each standard. Mail by its MX servers, DNS by its name servers, websites by the AS that announces their addresses. Domains that comply where most of the supplier’s customers do not show that it can be done.',
  },
  'suppliers.role.mail': { nl: 'E-mail (MX-servers)', en: 'Email (MX servers)' },
  'suppliers.role.dns': { nl: 'DNS (nameservers)', en: 'DNS (name servers)' },
  'suppliers.role.web': { nl: 'Webhosting (AS van de webservers)', en: 'Web hosting (AS of the web servers)' },
  'suppliers.supplier': { nl: 'Leverancier', en: 'Supplier' },
  'suppliers.other': { nl: 'Overig of eigen beheer', en: 'Other or self-hosted' },
  'suppliers.complying': { nl: 'Voldoen toch', en: 'Comply nonetheless' },
  'suppliers.more': { nl: 'en nog {count}', en: 'and {count} more' },
  'suppliers.unattributed': {
    nl: '{count} domeinen zonder gegevens hierover tellen niet mee.',
    en: '{count} domains without data on this take no part.',
  },
  'suppliers.none': { nl: 'Geen domeinen met gegevens hierover.', en: 'No domains with data on this.' },
  'chart.title': { nl: 'Adoptie per groep', en: 'Adoption per group' },
  'chart.description': {
    nl: 'Horizontale staven: het aandeel domeinen dat het streefbeeld en elke standaard haalt, per groep.',
    en: 'Horizontal bars: the share of domains that meet the target state and each standard, per group.',
  },
} as const satisfies Readonly<Record<string, LocalText>>;

/** The id of a UI text. */
export type UiTextId = keyof typeof uiText;

/** A UI text in a language, its `{name}` placeholders filled from `params`. */
export function ui(id: UiTextId, language: Language, params: Readonly<Record<string, string | number>> = {}): string {
  return uiText[id][language].replace(/\{([A-Za-z][A-Za-z0-9_-]*)\}/g, (match, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : match,
  );
}

/**
 * A UI text whose id is built at run time (a category or standard from a newer pastoe, or a
 * custom policy): the text when `uiText` has the id, else the fallback as given.
 */
export function uiOr(id: string, language: Language, fallback: string): string {
  return Object.hasOwn(uiText, id) ? uiText[id as UiTextId][language] : fallback;
}

/** A verdict status as a word. */
export function statusWord(status: VerdictStatus, language: Language): string {
  return ui(`status.${status}`, language);
}

/** A target-state decision as a word. */
export function meetsWord(meets: MeetsText, language: Language): string {
  return ui(`meets.${meets}`, language);
}
