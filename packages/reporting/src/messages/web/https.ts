import type { CheckCatalogue, LocalText } from '../types.js';
import { noAddressFindings, noHttpsFindings } from './shared.js';

/** `downgrade`: a redirect from https back to plain http, found by the redirect and downgrade checks. */
const downgrade: LocalText = {
  nl: 'Doorverwijzing van {from} terug naar onversleuteld {to}.',
  en: 'Redirect from {from} back to unencrypted {to}.',
};

/** The messages of the website test's HTTPS checks: availability, redirect, compression, HSTS, downgrades. */
export const webHttpsMessages: CheckCatalogue = {
  'web-https-http-available': {
    title: { nl: 'HTTPS beschikbaar', en: 'HTTPS available' },
    failureTitle: { nl: 'HTTPS niet beschikbaar', en: 'HTTPS not available' },
    explanation: {
      nl: 'Deze test kijkt of de website via HTTPS (TLS op poort 443) bereikbaar is. HTTPS versleutelt het verkeer tussen bezoeker en website en bewijst dat de bezoeker met de echte website praat.',
      en: 'This test checks that the website is reachable over HTTPS (TLS on port 443). HTTPS encrypts the traffic between visitor and website and proves that the visitor talks to the real website.',
    },
    advice: {
      nl: 'Zet HTTPS aan op poort 443 van elk adres van de website, met een certificaat van een vertrouwde uitgever (bijvoorbeeld gratis via ACME/Let’s Encrypt).',
      en: 'Enable HTTPS on port 443 of every address of the website, with a certificate from a trusted issuer (for example free of charge through ACME/Let’s Encrypt).',
    },
    supplier: {
      nl: 'Onze website is niet via HTTPS bereikbaar. Wilt u HTTPS (TLS op poort 443) inschakelen op alle adressen van de website, met een geldig certificaat?',
      en: 'Our website is not reachable over HTTPS. Please enable HTTPS (TLS on port 443) on every address of the website, with a valid certificate.',
    },
    findings: {
      'no-address': {
        nl: 'Het domein heeft geen IPv4- of IPv6-adres, dus ook geen website.',
        en: 'The domain has no IPv4 or IPv6 address, so no website either.',
      },
      'not-scanned': {
        nl: 'Niet getest: er is geen adres met TLS gescand.',
        en: 'Not tested: no address was scanned for TLS.',
      },
      unreachable: {
        nl: 'Op poort 443 van dit adres kwam geen TLS-verbinding tot stand ({reason}).',
        en: 'No TLS connection could be made on port 443 of this address ({reason}).',
      },
    },
  },
  'web-https-http-redirect': {
    title: { nl: 'HTTPS-doorverwijzing', en: 'HTTPS redirect' },
    failureTitle: { nl: 'Geen doorverwijzing naar HTTPS', en: 'No redirect to HTTPS' },
    explanation: {
      nl: 'Deze test kijkt of de website bezoekers die via onversleuteld HTTP komen meteen doorverwijst naar HTTPS op hetzelfde domein. Zo belandt niemand ongemerkt op een onveilige verbinding.',
      en: 'This test checks that the website sends visitors who arrive over unencrypted HTTP straight to HTTPS on the same domain. That way nobody ends up on an insecure connection unnoticed.',
    },
    advice: {
      nl: 'Laat http://<domein>/ antwoorden met een permanente doorverwijzing (301 of 308) naar https://<domein>/ op hetzelfde domein, en pas daarna eventueel naar www. In nginx bijvoorbeeld: return 301 https://$host$request_uri;',
      en: 'Make http://<domain>/ answer with a permanent redirect (301 or 308) to https://<domain>/ on the same domain, and only then, if wanted, to www. In nginx for example: return 301 https://$host$request_uri;',
    },
    supplier: {
      nl: 'Onze website verwijst HTTP-bezoekers niet (direct) door naar HTTPS op hetzelfde domein. Wilt u een permanente doorverwijzing (301) van http:// naar https:// op hetzelfde domein instellen?',
      en: 'Our website does not redirect HTTP visitors (directly) to HTTPS on the same domain. Please set up a permanent redirect (301) from http:// to https:// on the same domain.',
    },
    findings: {
      ...noAddressFindings,
      'no-https': {
        nl: 'Niet getest: de website biedt geen HTTPS ({failure}).',
        en: 'Not tested: the website offers no HTTPS ({failure}).',
      },
      'https-only': {
        nl: 'De website biedt geen onversleuteld HTTP aan, alleen HTTPS.',
        en: 'The website offers no unencrypted HTTP, only HTTPS.',
      },
      'no-redirect': {
        nl: 'HTTP antwoordt met status {status} in plaats van een doorverwijzing naar HTTPS.',
        en: 'HTTP answers with status {status} instead of a redirect to HTTPS.',
      },
      'first-hop-other-host': {
        nl: 'De eerste doorverwijzing gaat naar een ander domein ({location}) in plaats van naar HTTPS op hetzelfde domein.',
        en: 'The first redirect goes to another host ({location}) instead of HTTPS on the same domain.',
      },
      'first-hop-not-https': {
        nl: 'De eerste doorverwijzing gaat niet naar HTTPS ({location}).',
        en: 'The first redirect does not go to HTTPS ({location}).',
      },
      downgrade,
    },
  },
  'web-https-http-compress': {
    title: { nl: 'Geen HTTP-compressie', en: 'No HTTP compression' },
    failureTitle: { nl: 'HTTP-compressie aan', en: 'HTTP compression enabled' },
    explanation: {
      nl: 'Deze test kijkt of de website haar HTTPS-antwoorden comprimeert. Compressie van versleutelde pagina’s met geheime gegevens kan via de BREACH-aanval die gegevens prijsgeven.',
      en: 'This test checks whether the website compresses its HTTPS responses. Compressing encrypted pages that hold secrets can give those secrets away through the BREACH attack.',
    },
    advice: {
      nl: 'Zet HTTP-compressie (gzip, br) uit voor pagina’s met geheime of persoonlijke gegevens, of neem andere maatregelen tegen BREACH zoals CSRF-tokens die per verzoek wisselen. In nginx bijvoorbeeld: gzip off;',
      en: 'Turn HTTP compression (gzip, br) off for pages that carry secret or personal data, or take other measures against BREACH such as CSRF tokens that change per request. In nginx for example: gzip off;',
    },
    supplier: {
      nl: 'Onze website comprimeert HTTPS-antwoorden, wat de BREACH-aanval mogelijk maakt. Wilt u HTTP-compressie uitzetten voor pagina’s met gevoelige gegevens?',
      en: 'Our website compresses HTTPS responses, which makes the BREACH attack possible. Please turn HTTP compression off for pages with sensitive data.',
    },
    findings: {
      ...noHttpsFindings,
      compressed: { nl: 'Het antwoord is gecomprimeerd met {encoding}.', en: 'The response is compressed with {encoding}.' },
    },
  },
  'web-https-http-hsts': {
    title: { nl: 'HSTS aangeboden', en: 'HSTS offered' },
    failureTitle: { nl: 'HSTS niet (goed) aangeboden', en: 'HSTS not (properly) offered' },
    explanation: {
      nl: 'Deze test kijkt of de website de header Strict-Transport-Security (HSTS) stuurt met een geldigheid van ten minste een jaar. Met HSTS gebruikt de browser voortaan alleen HTTPS voor de website, zodat een aanvaller de bezoeker niet naar HTTP kan terugdwingen.',
      en: 'This test checks that the website sends the Strict-Transport-Security (HSTS) header valid for at least a year. With HSTS the browser uses only HTTPS for the website from then on, so an attacker cannot force the visitor back to HTTP.',
    },
    advice: {
      nl: 'Stuur op elk HTTPS-antwoord één HSTS-header met een max-age van ten minste een jaar, bijvoorbeeld: Strict-Transport-Security: max-age=31536000; includeSubDomains',
      en: 'Send one HSTS header on every HTTPS response with a max-age of at least a year, for example: Strict-Transport-Security: max-age=31536000; includeSubDomains',
    },
    supplier: {
      nl: 'Onze website stuurt geen geldige HSTS-header. Wilt u op alle HTTPS-antwoorden de header Strict-Transport-Security: max-age=31536000 toevoegen?',
      en: 'Our website sends no valid HSTS header. Please add the header Strict-Transport-Security: max-age=31536000 to every HTTPS response.',
    },
    findings: {
      ...noHttpsFindings,
      missing: { nl: 'De website stuurt geen HSTS-header.', en: 'The website sends no HSTS header.' },
      'invalid-max-age': {
        nl: 'De HSTS-header heeft geen leesbare max-age: {value}',
        en: 'The HSTS header has no readable max-age: {value}',
      },
      'max-age-too-short': {
        nl: 'De max-age van HSTS is {maxAge} seconden; dat is korter dan een jaar ({minimum} seconden).',
        en: 'The HSTS max-age is {maxAge} seconds, shorter than a year ({minimum} seconds).',
      },
      syntax: {
        nl: 'De HSTS-header wijkt af van RFC 6797: {problem}.',
        en: 'The HSTS header departs from RFC 6797: {problem}.',
      },
      'several-headers': {
        nl: 'De website stuurt {count} HSTS-headers; alleen de eerste telt.',
        en: 'The website sends {count} HSTS headers; only the first counts.',
      },
    },
  },
  'web-https-redirect-downgrade': {
    title: { nl: 'Geen doorverwijzing terug naar HTTP', en: 'No redirect back to HTTP' },
    failureTitle: { nl: 'Doorverwijzing terug naar HTTP', en: 'Redirect back to HTTP' },
    explanation: {
      nl: 'Deze test volgt de doorverwijzingen van de website en kijkt of er een van HTTPS terug naar onversleuteld HTTP leidt. Zo’n stap maakt de versleuteling ongedaan: wat daarna wordt verstuurd, kan worden meegelezen of veranderd.',
      en: 'This test follows the website’s redirects and checks whether one leads from HTTPS back to unencrypted HTTP. Such a step undoes the encryption: whatever is sent after it can be read or changed.',
    },
    advice: {
      nl: 'Laat elke doorverwijzing naar een https://-adres wijzen. Pas absolute URL’s in de configuratie (Location-headers, basis-URL van de applicatie) aan van http:// naar https://.',
      en: 'Make every redirect point to an https:// address. Change absolute URLs in the configuration (Location headers, the application’s base URL) from http:// to https://.',
    },
    supplier: {
      nl: 'Een doorverwijzing op onze website leidt van HTTPS terug naar HTTP. Wilt u alle doorverwijzingen naar https:// laten wijzen?',
      en: 'A redirect on our website leads from HTTPS back to HTTP. Please make every redirect point to https://.',
    },
    findings: {
      ...noAddressFindings,
      'no-response': {
        nl: 'Niet getest: de website gaf via HTTP noch HTTPS een antwoord.',
        en: 'Not tested: the website answered neither over HTTP nor over HTTPS.',
      },
      downgrade,
    },
  },
};
