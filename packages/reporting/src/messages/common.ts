import type { LocalText } from './types.js';

/** `vantage.<step>`: pastoe's own vantage point failed at a step, so the probes that need it did not run. */
function vantage(nl: string, en: string): LocalText {
  return {
    nl: `pastoe kon dit niet beoordelen: ${nl} ({reason}). Dit zegt niets over het domein.`,
    en: `pastoe could not judge this: ${en} ({reason}). This says nothing about the domain.`,
  };
}

/**
 * Messages that are not one check's: findings any check can carry because the runner or a
 * shared judgement emits them (their ids contain a dot, e.g. `runner.error`).
 */
export const commonFindings: Readonly<Record<string, LocalText>> = {
  'runner.error': {
    nl: 'pastoe kon dit niet beoordelen: {reason}',
    en: 'pastoe could not judge this: {reason}',
  },
  'vantage.resolver': vantage('de resolver van pastoe ({resolver}) werkt niet', "pastoe's resolver ({resolver}) is not working"),
  'vantage.trust-anchors': vantage(
    'de DNSSEC-trust-anchors van pastoe zijn niet bruikbaar',
    "pastoe's DNSSEC trust anchors are not usable",
  ),
  'vantage.tcp': vantage('pastoe kan geen uitgaande TCP-verbindingen maken', 'pastoe cannot make outgoing TCP connections'),
  'vantage.ipv6': vantage('het IPv6 van pastoe werkt niet', "pastoe's own IPv6 is not working"),
  'vantage.smtp': vantage(
    'pastoe kan geen uitgaande SMTP-verbindingen (poort 25) maken',
    'pastoe cannot make outgoing SMTP connections (port 25)',
  ),
  'vantage.unknown': vantage('het meetpunt van pastoe werkt niet', "pastoe's vantage point is not working"),
};
