import type { CheckCatalogue, CheckMessages, LocalText } from '../types.js';
import type { FindingTexts } from './shared.js';

/** The findings every RPKI check can carry when its evidence failed. */
const rpkiSourceFindings: FindingTexts = {
  'no-source': {
    nl: 'Niet getest: de scan heeft geen RPKI-bron ({reason}).',
    en: 'Not tested: the scan has no RPKI source ({reason}).',
  },
  'source-error': {
    nl: 'pastoe kon de RPKI-gegevens niet ophalen ({code}: {reason}); dit zegt niets over het domein.',
    en: 'pastoe could not obtain the RPKI data ({code}: {reason}); this says nothing about the domain.',
  },
};

/** The findings of a ROA-existence check (core's `judgeRoaExistence`). */
const roaExistenceFindings: FindingTexts = {
  ...rpkiSourceFindings,
  'no-addresses': {
    nl: 'Niet getest: er zijn geen IP-adressen om te controleren.',
    en: 'Not tested: there are no IP addresses to check.',
  },
  good: {
    nl: 'Voor elk IP-adres bestaat een ROA.',
    en: 'A ROA exists for every IP address.',
  },
  'no-roa': {
    nl: 'Voor {address} bestaat geen ROA.',
    en: 'No ROA exists for {address}.',
  },
};

/** The findings of a route-validity check (core's `judgeRouteValidity`). */
const routeValidityFindings: FindingTexts = {
  ...rpkiSourceFindings,
  good: {
    nl: 'Elke route naar elk IP-adres is RPKI-geldig.',
    en: 'Every route to every IP address is RPKI-valid.',
  },
  'not-routed': {
    nl: 'Niet getest: geen van de IP-adressen heeft een aangekondigde route.',
    en: 'Not tested: none of the IP addresses has an announced route.',
  },
  'invalid-as': {
    nl: 'De route {route} naar {address} wordt aangekondigd door {origin}, dat volgens de ROA niet mag.',
    en: 'The route {route} to {address} is announced by {origin}, which the ROA does not allow.',
  },
  'invalid-length': {
    nl: 'De route {route} naar {address} ({origin}) is specifieker dan de ROA toestaat.',
    en: 'The route {route} to {address} ({origin}) is more specific than the ROA allows.',
  },
  'not-found': {
    nl: 'Voor de route {route} naar {address} ({origin}) bestaat geen ROA.',
    en: 'No ROA exists for the route {route} to {address} ({origin}).',
  },
};

/** The servers an RPKI check is about, as a noun phrase in each language. */
type RpkiSubject = LocalText;

const roaAdvice: LocalText = {
  nl: "Laat de houder van de IP-adresblokken (vaak de hosting- of netwerkleverancier) ROA's aanmaken bij de regionale internetregistry (voor Europa RIPE NCC), met het AS-nummer dat de prefixen aankondigt en een passende maximale prefixlengte.",
  en: 'Have the holder of the IP address blocks (often the hosting or network supplier) create ROAs at the regional internet registry (RIPE NCC for Europe), with the AS number that announces the prefixes and a fitting maximum prefix length.',
};

const validAdvice: LocalText = {
  nl: "Zorg dat de ROA's kloppen met de aankondigingen: het juiste AS-nummer en een maximale prefixlengte die de aangekondigde prefixen toestaat. Pas de ROA aan of de routering, afhankelijk van wat fout is.",
  en: 'Make sure the ROAs match the announcements: the right AS number, and a maximum prefix length that allows the announced prefixes. Fix the ROA or the routing, whichever is wrong.',
};

function roaExistence(subject: RpkiSubject): CheckMessages {
  return {
    title: {
      nl: `Route Origin Authorisation aanwezig voor ${subject.nl}`,
      en: `Route Origin Authorisation present for ${subject.en}`,
    },
    failureTitle: {
      nl: `Route Origin Authorisation ontbreekt voor ${subject.nl}`,
      en: `Route Origin Authorisation missing for ${subject.en}`,
    },
    explanation: {
      nl: `We testen of voor elk IP-adres van ${subject.nl} een ROA bestaat. In een ROA legt de houder van een IP-adresblok vast welk netwerk (AS) het mag aankondigen, zodat netwerken die RPKI controleren gekaapte routes kunnen weigeren.`,
      en: `We check that a ROA exists for every IP address of ${subject.en}. In a ROA the holder of an IP address block records which network (AS) may announce it, so that networks that check RPKI can refuse hijacked routes.`,
    },
    advice: roaAdvice,
    supplier: {
      nl: `Voor een of meer IP-adressen van ${subject.nl} bestaat geen ROA. Wilt u voor die adresblokken ROA's aanmaken bij RIPE NCC (of uw regionale registry)?`,
      en: `No ROA exists for one or more IP addresses of ${subject.en}. Please create ROAs for those address blocks at RIPE NCC (or your regional registry).`,
    },
    findings: roaExistenceFindings,
  };
}

function routeValidity(subject: RpkiSubject): CheckMessages {
  return {
    title: {
      nl: `Routes naar ${subject.nl} RPKI-geldig`,
      en: `Routes to ${subject.en} RPKI-valid`,
    },
    failureTitle: {
      nl: `Routes naar ${subject.nl} niet RPKI-geldig`,
      en: `Routes to ${subject.en} not RPKI-valid`,
    },
    explanation: {
      nl: `We vergelijken de route-aankondigingen naar elk IP-adres van ${subject.nl} met de ROA's. Een ongeldige route wordt door netwerken die RPKI controleren geweigerd, waardoor ${subject.nl} voor hen onbereikbaar worden.`,
      en: `We compare the route announcements to every IP address of ${subject.en} with the ROAs. Networks that check RPKI refuse an invalid route, so that ${subject.en} become unreachable for them.`,
    },
    advice: validAdvice,
    supplier: {
      nl: `De route-aankondigingen naar ${subject.nl} passen niet bij de ROA's (of er is geen ROA). Wilt u de ROA's of de aankondigingen in overeenstemming brengen?`,
      en: `The route announcements to ${subject.en} do not match the ROAs (or there is no ROA). Please bring the ROAs and the announcements in line.`,
    },
    findings: routeValidityFindings,
  };
}

const nameServers: RpkiSubject = { nl: 'de naamservers van het maildomein', en: 'the name servers of the mail domain' };
const mailServers: RpkiSubject = { nl: 'de mailservers', en: 'the mail servers' };
const mailServerNameServers: RpkiSubject = { nl: 'de naamservers van de mailservers', en: 'the name servers of the mail servers' };

/** The messages of the mail test's RPKI checks: mail servers, name servers, and the mail servers' name servers. */
export const mailRpkiMessages: CheckCatalogue = {
  'mail-rpki-exists': roaExistence(mailServers),
  'mail-rpki-valid': routeValidity(mailServers),
  'mail-ns-rpki-exists': roaExistence(nameServers),
  'mail-ns-rpki-valid': routeValidity(nameServers),
  'mail-mx-ns-rpki-exists': roaExistence(mailServerNameServers),
  'mail-mx-ns-rpki-valid': routeValidity(mailServerNameServers),
};
