import type { CheckCatalogue } from '../types.js';
import { noHttpsFindings } from './shared.js';

/** The messages of the website test's security header checks: Internet.nl's and pastoe's own (cookies, COOP, CORP). */
export const webHeaderMessages: CheckCatalogue = {
  'web-appsecpriv-x-frame-options': {
    title: { nl: 'X-Frame-Options', en: 'X-Frame-Options' },
    failureTitle: { nl: 'X-Frame-Options ontbreekt of is ongeldig', en: 'X-Frame-Options missing or invalid' },
    explanation: {
      nl: 'Deze test kijkt of de website met de header X-Frame-Options verbiedt dat andere websites haar in een frame tonen. Dat beschermt bezoekers tegen clickjacking, waarbij ze ongemerkt op iets van de ingesloten website klikken.',
      en: 'This test checks that the website uses the X-Frame-Options header to forbid other websites from showing it in a frame. That protects visitors against clickjacking, where they click on the embedded website without knowing.',
    },
    advice: {
      nl: 'Stuur op elk HTTPS-antwoord: X-Frame-Options: DENY (of SAMEORIGIN als de website zichzelf in frames toont). De CSP-directive frame-ancestors doet hetzelfde voor moderne browsers.',
      en: 'Send on every HTTPS response: X-Frame-Options: DENY (or SAMEORIGIN when the website frames itself). The CSP directive frame-ancestors does the same for modern browsers.',
    },
    supplier: {
      nl: 'Onze website stuurt geen geldige X-Frame-Options-header. Wilt u X-Frame-Options: DENY of SAMEORIGIN toevoegen aan alle antwoorden?',
      en: 'Our website sends no valid X-Frame-Options header. Please add X-Frame-Options: DENY or SAMEORIGIN to every response.',
    },
    findings: {
      ...noHttpsFindings,
      missing: { nl: 'De header X-Frame-Options ontbreekt.', en: 'The X-Frame-Options header is missing.' },
      invalid: {
        nl: 'X-Frame-Options heeft de ongeldige waarde {value}; alleen DENY en SAMEORIGIN zijn goed.',
        en: 'X-Frame-Options has the invalid value {value}; only DENY and SAMEORIGIN are good.',
      },
    },
  },
  'web-appsecpriv-x-content-type-options': {
    title: { nl: 'X-Content-Type-Options', en: 'X-Content-Type-Options' },
    failureTitle: { nl: 'X-Content-Type-Options ontbreekt of is ongeldig', en: 'X-Content-Type-Options missing or invalid' },
    explanation: {
      nl: 'Deze test kijkt of de website de header X-Content-Type-Options: nosniff stuurt. Dan raadt de browser niet zelf naar het soort bestand, zodat bijvoorbeeld een geüpload bestand niet als script wordt uitgevoerd.',
      en: 'This test checks that the website sends the X-Content-Type-Options: nosniff header. The browser then does not guess the type of a file, so that an uploaded file, for instance, is not run as a script.',
    },
    advice: {
      nl: 'Stuur op elk HTTPS-antwoord: X-Content-Type-Options: nosniff, en geef elk bestand het juiste Content-Type.',
      en: 'Send on every HTTPS response: X-Content-Type-Options: nosniff, and give every file the right Content-Type.',
    },
    supplier: {
      nl: 'Onze website stuurt de header X-Content-Type-Options: nosniff niet. Wilt u die aan alle antwoorden toevoegen?',
      en: 'Our website does not send the X-Content-Type-Options: nosniff header. Please add it to every response.',
    },
    findings: {
      ...noHttpsFindings,
      missing: { nl: 'De header X-Content-Type-Options ontbreekt.', en: 'The X-Content-Type-Options header is missing.' },
      invalid: {
        nl: 'X-Content-Type-Options heeft de waarde {value} in plaats van nosniff.',
        en: 'X-Content-Type-Options has the value {value} instead of nosniff.',
      },
    },
  },
  'web-appsecpriv-csp': {
    title: { nl: 'Content-Security-Policy', en: 'Content-Security-Policy' },
    failureTitle: { nl: 'Content-Security-Policy ontbreekt of is te ruim', en: 'Content-Security-Policy missing or too permissive' },
    explanation: {
      nl: 'Deze test kijkt of de website een Content-Security-Policy stuurt die streng genoeg is. Die bepaalt van welke bronnen de browser scripts, stijlen en frames mag laden, en beperkt zo de schade van cross-site scripting (XSS).',
      en: 'This test checks that the website sends a Content-Security-Policy that is strict enough. It decides which sources the browser may load scripts, styles and frames from, and so limits the damage of cross-site scripting (XSS).',
    },
    advice: {
      nl: "Stuur een CSP zonder 'unsafe-inline', 'unsafe-eval', http:-bronnen of *, met ten minste default-src, base-uri, form-action en frame-ancestors. Bijvoorbeeld: Content-Security-Policy: default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
      en: "Send a CSP without 'unsafe-inline', 'unsafe-eval', http: sources or *, with at least default-src, base-uri, form-action and frame-ancestors. For example: Content-Security-Policy: default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
    },
    supplier: {
      nl: "Onze website stuurt geen (voldoende strenge) Content-Security-Policy. Wilt u een CSP instellen met ten minste default-src 'self', base-uri, form-action en frame-ancestors, zonder unsafe-inline en unsafe-eval?",
      en: "Our website sends no (sufficiently strict) Content-Security-Policy. Please set up a CSP with at least default-src 'self', base-uri, form-action and frame-ancestors, without unsafe-inline and unsafe-eval.",
    },
    findings: {
      ...noHttpsFindings,
      'no-policy-found': { nl: 'De header Content-Security-Policy ontbreekt.', en: 'The Content-Security-Policy header is missing.' },
      syntax: {
        nl: 'De CSP bevat een fout in {directive}: {problem}.',
        en: 'The CSP has an error in {directive}: {problem}.',
      },
      'has-unsafe-inline': {
        nl: "De CSP staat 'unsafe-inline' toe, waarmee ingevoegde scripts toch worden uitgevoerd.",
        en: "The CSP allows 'unsafe-inline', which lets injected scripts run after all.",
      },
      'has-unsafe-eval': {
        nl: "De CSP staat 'unsafe-eval' toe, waarmee tekst als code kan worden uitgevoerd.",
        en: "The CSP allows 'unsafe-eval', which lets text be run as code.",
      },
      'has-unsafe-hashes': { nl: "De CSP staat 'unsafe-hashes' toe.", en: "The CSP allows 'unsafe-hashes'." },
      'has-http': { nl: 'De CSP staat bronnen via onversleuteld http: toe.', en: 'The CSP allows sources over unencrypted http:.' },
      'has-bare-https': {
        nl: 'De CSP staat elke https:-bron toe in plaats van genoemde hosts.',
        en: 'The CSP allows any https: source instead of named hosts.',
      },
      'has-host-without-scheme': {
        nl: 'De CSP noemt een host zonder https://.',
        en: 'The CSP names a host without https://.',
      },
      'has-data': {
        nl: 'De CSP staat data:-bronnen toe voor scripts of objecten.',
        en: 'The CSP allows data: sources for scripts or objects.',
      },
      'has-invalid-host': {
        nl: 'De CSP staat de host * of 127.0.0.1 toe.',
        en: 'The CSP allows the host * or 127.0.0.1.',
      },
      'missing-invalid-default-src': {
        nl: "default-src ontbreekt of is niet beperkt tot 'none' of 'self' (met eigen hosts).",
        en: "default-src is missing or not limited to 'none' or 'self' (with own hosts).",
      },
      'missing-invalid-base-uri': {
        nl: "base-uri ontbreekt of is niet beperkt tot 'none' of 'self' (met eigen hosts).",
        en: "base-uri is missing or not limited to 'none' or 'self' (with own hosts).",
      },
      'missing-invalid-form-action': {
        nl: "form-action ontbreekt of noemt geen 'self', 'none' of host.",
        en: "form-action is missing or names no 'self', 'none' or host.",
      },
      'missing-invalid-frame-src': {
        nl: 'frame-src ontbreekt (ook via child-src of default-src) of is niet beperkt.',
        en: 'frame-src is missing (also through child-src or default-src) or not limited.',
      },
      'missing-invalid-frame-ancestors': {
        nl: "frame-ancestors ontbreekt of noemt geen 'self' of 'none'.",
        en: "frame-ancestors is missing or names neither 'self' nor 'none'.",
      },
    },
  },
  'web-appsecpriv-referrer-policy': {
    title: { nl: 'Referrer-Policy', en: 'Referrer-Policy' },
    failureTitle: { nl: 'Referrer-Policy ontbreekt of is te ruim', en: 'Referrer-Policy missing or too permissive' },
    explanation: {
      nl: 'Deze test kijkt of de website met de header Referrer-Policy beperkt wat de browser in de Referer-header aan andere websites doorgeeft. Zo lekt een adres met persoonlijke gegevens niet naar derden.',
      en: 'This test checks that the website uses the Referrer-Policy header to limit what the browser passes to other websites in the Referer header. That way an address with personal data does not leak to third parties.',
    },
    advice: {
      nl: 'Stuur op elk HTTPS-antwoord: Referrer-Policy: no-referrer of Referrer-Policy: same-origin.',
      en: 'Send on every HTTPS response: Referrer-Policy: no-referrer or Referrer-Policy: same-origin.',
    },
    supplier: {
      nl: 'Onze website stuurt geen (voldoende strenge) Referrer-Policy. Wilt u Referrer-Policy: no-referrer of same-origin instellen?',
      en: 'Our website sends no (sufficiently strict) Referrer-Policy. Please set Referrer-Policy: no-referrer or same-origin.',
    },
    findings: {
      ...noHttpsFindings,
      'no-policy': {
        nl: 'De header Referrer-Policy ontbreekt; de browser gebruikt dan zijn standaardbeleid.',
        en: 'The Referrer-Policy header is missing; the browser then uses its default policy.',
      },
      recommendation: {
        nl: 'Referrer-Policy {policy} is redelijk, maar no-referrer of same-origin geeft minder door.',
        en: 'Referrer-Policy {policy} is reasonable, but no-referrer or same-origin passes on less.',
      },
      'bad-origin': {
        nl: 'Referrer-Policy {policy} geeft de herkomst door aan elke website, ook via HTTP.',
        en: 'Referrer-Policy {policy} passes the origin to every website, over HTTP too.',
      },
      'bad-origin-when-cross-origin': {
        nl: 'Referrer-Policy {policy} geeft de herkomst door aan andere websites, ook via HTTP.',
        en: 'Referrer-Policy {policy} passes the origin to other websites, over HTTP too.',
      },
      'bad-no-referrer-when-downgrade': {
        nl: 'Referrer-Policy {policy} geeft het volledige adres door aan elke HTTPS-website.',
        en: 'Referrer-Policy {policy} passes the full address to every HTTPS website.',
      },
      'bad-unsafe-url': {
        nl: 'Referrer-Policy {policy} geeft het volledige adres door aan elke website.',
        en: 'Referrer-Policy {policy} passes the full address to every website.',
      },
      'bad-invalid': { nl: 'Referrer-Policy heeft de onbekende waarde {policy}.', en: 'Referrer-Policy has the unknown value {policy}.' },
    },
  },
  'web-cookies': {
    title: { nl: 'Cookies beveiligd', en: 'Cookies protected' },
    failureTitle: { nl: 'Cookies onvoldoende beveiligd', en: 'Cookies not properly protected' },
    explanation: {
      nl: 'Deze test kijkt of elke cookie die de website zet de attributen Secure, HttpOnly en SameSite heeft. Die houden cookies van onversleutelde verbindingen, van scripts en van verzoeken vanaf andere websites weg.',
      en: 'This test checks that every cookie the website sets has the Secure, HttpOnly and SameSite attributes. They keep cookies away from unencrypted connections, from scripts, and from requests made by other websites.',
    },
    advice: {
      nl: 'Zet cookies met alle drie de attributen, bijvoorbeeld: Set-Cookie: sessie=...; Secure; HttpOnly; SameSite=Lax. Laat HttpOnly alleen weg bij een cookie die een script echt moet lezen.',
      en: 'Set cookies with all three attributes, for example: Set-Cookie: session=...; Secure; HttpOnly; SameSite=Lax. Leave HttpOnly out only for a cookie a script really has to read.',
    },
    supplier: {
      nl: 'Onze website zet cookies zonder Secure, HttpOnly of SameSite. Wilt u deze attributen aan alle cookies toevoegen?',
      en: 'Our website sets cookies without Secure, HttpOnly or SameSite. Please add these attributes to every cookie.',
    },
    findings: {
      ...noHttpsFindings,
      'missing-secure': { nl: 'Cookie {cookie} heeft geen Secure-attribuut.', en: 'Cookie {cookie} has no Secure attribute.' },
      'missing-httponly': { nl: 'Cookie {cookie} heeft geen HttpOnly-attribuut.', en: 'Cookie {cookie} has no HttpOnly attribute.' },
      'missing-samesite': { nl: 'Cookie {cookie} heeft geen SameSite-attribuut.', en: 'Cookie {cookie} has no SameSite attribute.' },
      'invalid-samesite': {
        nl: 'Cookie {cookie} heeft een ongeldige SameSite-waarde (None mag alleen met Secure).',
        en: 'Cookie {cookie} has an invalid SameSite value (None only with Secure).',
      },
    },
  },
  'web-coop': {
    title: { nl: 'Cross-Origin-Opener-Policy', en: 'Cross-Origin-Opener-Policy' },
    failureTitle: { nl: 'Cross-Origin-Opener-Policy ontbreekt of is te ruim', en: 'Cross-Origin-Opener-Policy missing or too permissive' },
    explanation: {
      nl: 'Deze test kijkt of de website met Cross-Origin-Opener-Policy haar venster afschermt van vensters van andere websites. Dat beschermt tegen aanvallen via geopende vensters en tegen het lekken van gegevens tussen websites.',
      en: 'This test checks that the website uses Cross-Origin-Opener-Policy to isolate its window from windows of other websites. That protects against attacks through opened windows and against data leaking between websites.',
    },
    advice: {
      nl: 'Stuur: Cross-Origin-Opener-Policy: same-origin (of same-origin-allow-popups als de website pop-ups van andere websites nodig heeft, bijvoorbeeld voor inloggen).',
      en: 'Send: Cross-Origin-Opener-Policy: same-origin (or same-origin-allow-popups when the website needs pop-ups from other websites, for example for logging in).',
    },
    supplier: {
      nl: 'Onze website stuurt geen Cross-Origin-Opener-Policy. Wilt u Cross-Origin-Opener-Policy: same-origin toevoegen?',
      en: 'Our website sends no Cross-Origin-Opener-Policy. Please add Cross-Origin-Opener-Policy: same-origin.',
    },
    findings: {
      ...noHttpsFindings,
      missing: { nl: 'De header Cross-Origin-Opener-Policy ontbreekt.', en: 'The Cross-Origin-Opener-Policy header is missing.' },
      'unsafe-none': {
        nl: 'Cross-Origin-Opener-Policy is unsafe-none en schermt niets af.',
        en: 'Cross-Origin-Opener-Policy is unsafe-none and isolates nothing.',
      },
      invalid: {
        nl: 'Cross-Origin-Opener-Policy heeft de onbekende waarde {policy}.',
        en: 'Cross-Origin-Opener-Policy has the unknown value {policy}.',
      },
    },
  },
  'web-corp': {
    title: { nl: 'Cross-Origin-Resource-Policy', en: 'Cross-Origin-Resource-Policy' },
    failureTitle: {
      nl: 'Cross-Origin-Resource-Policy ontbreekt of is ongeldig',
      en: 'Cross-Origin-Resource-Policy missing or invalid',
    },
    explanation: {
      nl: 'Deze test kijkt of de website met Cross-Origin-Resource-Policy voorkomt dat andere websites haar bestanden insluiten. Dat beperkt het lekken van gegevens via aanvallen als Spectre.',
      en: 'This test checks that the website uses Cross-Origin-Resource-Policy to stop other websites from embedding its files. That limits data leaking through attacks such as Spectre.',
    },
    advice: {
      nl: 'Stuur: Cross-Origin-Resource-Policy: same-origin (of same-site als subdomeinen de bestanden gebruiken). Gebruik cross-origin alleen voor bestanden die bedoeld zijn om elders te worden ingesloten.',
      en: 'Send: Cross-Origin-Resource-Policy: same-origin (or same-site when subdomains use the files). Use cross-origin only for files meant to be embedded elsewhere.',
    },
    supplier: {
      nl: 'Onze website stuurt geen Cross-Origin-Resource-Policy. Wilt u Cross-Origin-Resource-Policy: same-origin of same-site toevoegen?',
      en: 'Our website sends no Cross-Origin-Resource-Policy. Please add Cross-Origin-Resource-Policy: same-origin or same-site.',
    },
    findings: {
      ...noHttpsFindings,
      missing: { nl: 'De header Cross-Origin-Resource-Policy ontbreekt.', en: 'The Cross-Origin-Resource-Policy header is missing.' },
      'cross-origin': {
        nl: 'Cross-Origin-Resource-Policy is cross-origin: elke website mag de bestanden insluiten.',
        en: 'Cross-Origin-Resource-Policy is cross-origin: every website may embed the files.',
      },
      invalid: {
        nl: 'Cross-Origin-Resource-Policy heeft de onbekende waarde {policy}.',
        en: 'Cross-Origin-Resource-Policy has the unknown value {policy}.',
      },
    },
  },
};
