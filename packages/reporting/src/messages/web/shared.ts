import type { LocalText } from '../types.js';

/**
 * Finding texts that several website checks share because they come from the same judgement
 * helper (per address, per HTTP response, per TLS handshake). Each check spreads the sets it can
 * emit into its own `findings`, so every finding id still resolves per check.
 */

/** `no-address`: the per-address helpers found no address to judge. */
export const noAddressFindings: Readonly<Record<string, LocalText>> = {
  'no-address': {
    nl: 'Niet getest: het domein heeft geen IPv4- of IPv6-adres voor de webserver.',
    en: 'Not tested: the domain has no IPv4 or IPv6 address for its web server.',
  },
};

/** `not-tested`: a TLS subtest could not run at an address (no TLS there, or an observation missing). */
export const tlsNotTestedFindings: Readonly<Record<string, LocalText>> = {
  ...noAddressFindings,
  'not-tested': {
    nl: 'Niet getest op dit adres ({reason}): er kwam geen bruikbare TLS-verbinding of de benodigde waarneming ontbreekt.',
    en: 'Not tested at this address ({reason}): no usable TLS connection, or the observation this test needs is missing.',
  },
};

/** `no-https`: a header check found no HTTPS response to read. */
export const noHttpsFindings: Readonly<Record<string, LocalText>> = {
  ...noAddressFindings,
  'no-https': {
    nl: 'Niet getest: HTTPS gaf geen antwoord ({failure}, {code}).',
    en: 'Not tested: HTTPS gave no response ({failure}, {code}).',
  },
};

/** `error`: pastoe's own failure left a DNSSEC result undecided. */
export const dnssecOwnFailure: LocalText = {
  nl: 'pastoe kon de DNSSEC van {name} zelf niet valideren ({reason}); dit zegt niets over het domein.',
  en: "pastoe itself could not validate {name}'s DNSSEC ({reason}); this says nothing about the domain.",
};

/** The DNSSEC states a DNSSEC check names its result by, and pastoe's own failure. */
export const dnssecStateFindings: Readonly<Record<string, LocalText>> = {
  secure: {
    nl: '{name} is ondertekend met DNSSEC en de handtekeningen zijn geldig.',
    en: '{name} is signed with DNSSEC and its signatures validate.',
  },
  insecure: {
    nl: '{name} is niet ondertekend met DNSSEC ({reason}).',
    en: '{name} is not signed with DNSSEC ({reason}).',
  },
  bogus: {
    nl: 'De DNSSEC-handtekeningen van {name} zijn ongeldig ({reason}); validerende resolvers weigeren dit domein.',
    en: "{name}'s DNSSEC signatures do not validate ({reason}); validating resolvers refuse the domain.",
  },
  dnserror: {
    nl: 'De DNS-vraag naar {name} mislukte aan de kant van het domein ({reason}).',
    en: 'The DNS query for {name} failed on the domain’s side ({reason}).',
  },
  error: dnssecOwnFailure,
};

/** The findings of the two RPKI judgements (`*-rpki-exists`, `*-rpki-valid`), both of which can fail on their sources. */
const rpkiSourceFindings: Readonly<Record<string, LocalText>> = {
  'no-source': {
    nl: 'Niet getest: pastoe heeft geen RPKI-bron ingesteld ({reason}).',
    en: 'Not tested: pastoe has no RPKI source configured ({reason}).',
  },
  'source-error': {
    nl: 'pastoe kon de RPKI-gegevens niet ophalen ({code}: {reason}); dit zegt niets over het domein.',
    en: 'pastoe could not fetch the RPKI data ({code}: {reason}); this says nothing about the domain.',
  },
};

/** Findings of ROA existence (`judgeRoaExistence`). */
export const roaExistenceFindings: Readonly<Record<string, LocalText>> = {
  ...rpkiSourceFindings,
  'no-addresses': { nl: 'Niet getest: er zijn geen adressen om te controleren.', en: 'Not tested: there are no addresses to check.' },
  good: { nl: 'Voor elk adres bestaat een ROA.', en: 'A ROA covers every address.' },
  'no-roa': { nl: 'Voor {address} bestaat geen ROA.', en: 'No ROA covers {address}.' },
};

/** Findings of route validity (`judgeRouteValidity`). */
export const routeValidityFindings: Readonly<Record<string, LocalText>> = {
  ...rpkiSourceFindings,
  good: { nl: 'Elke route naar de adressen is RPKI-geldig.', en: 'Every route to the addresses is RPKI-valid.' },
  'not-routed': {
    nl: 'Niet getest: geen van de adressen wordt aangekondigd in BGP.',
    en: 'Not tested: none of the addresses is announced in BGP.',
  },
  'invalid-as': {
    nl: 'De route {route} naar {address} wordt aangekondigd door {origin}, dat de ROA niet toestaat.',
    en: 'The route {route} to {address} is announced by {origin}, which the ROA does not allow.',
  },
  'invalid-length': {
    nl: 'De route {route} naar {address} ({origin}) is specifieker dan de ROA toestaat (maxLength).',
    en: 'The route {route} to {address} ({origin}) is more specific than the ROA allows (maxLength).',
  },
  'not-found': {
    nl: 'Voor de route {route} naar {address} ({origin}) bestaat geen ROA.',
    en: 'No ROA covers the route {route} to {address} ({origin}).',
  },
};
