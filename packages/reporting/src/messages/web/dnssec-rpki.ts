import type { CheckCatalogue, CheckMessages } from '../types.js';
import { dnssecOwnFailure, dnssecStateFindings, roaExistenceFindings, routeValidityFindings } from './shared.js';

/** Texts of the RPKI checks that differ only in what is covered: the web servers or the name servers. */
function rpkiMessages(servers: { nl: string; en: string }): { exists: CheckMessages; valid: CheckMessages } {
  return {
    exists: {
      title: { nl: `Route Origin Authorisation aanwezig (${servers.nl})`, en: `Route Origin Authorisation exists (${servers.en})` },
      failureTitle: {
        nl: `Route Origin Authorisation ontbreekt (${servers.nl})`,
        en: `Route Origin Authorisation missing (${servers.en})`,
      },
      explanation: {
        nl: `Deze test kijkt of voor elk IP-adres van de ${servers.nl} een ROA (Route Origin Authorisation) in RPKI staat. Met een ROA kunnen netwerken controleren of een route naar het adres door de juiste partij wordt aangekondigd, wat kaping van verkeer moeilijker maakt.`,
        en: `This test checks that a ROA (Route Origin Authorisation) exists in RPKI for every IP address of the ${servers.en}. With a ROA, networks can verify that a route to the address is announced by the right party, which makes hijacking traffic harder.`,
      },
      advice: {
        nl: 'Laat de houder van de IP-adresblokken (meestal de hosting- of netwerkleverancier) ROA’s aanmaken bij de RIR (bij RIPE NCC via het RPKI-dashboard), met het juiste AS-nummer en prefix.',
        en: 'Have the holder of the IP address blocks (usually the hosting or network provider) create ROAs at the RIR (at RIPE NCC through the RPKI dashboard), with the right AS number and prefix.',
      },
      supplier: {
        nl: `Voor de IP-adressen van onze ${servers.nl} bestaat geen ROA in RPKI. Wilt u voor deze adresblokken ROA’s publiceren met het AS-nummer dat ze aankondigt?`,
        en: `There is no ROA in RPKI for the IP addresses of our ${servers.en}. Please publish ROAs for these address blocks with the AS number that announces them.`,
      },
      findings: roaExistenceFindings,
    },
    valid: {
      title: { nl: `Routeaankondiging geldig (${servers.nl})`, en: `Route announcement valid (${servers.en})` },
      failureTitle: { nl: `Routeaankondiging niet geldig (${servers.nl})`, en: `Route announcement not valid (${servers.en})` },
      explanation: {
        nl: `Deze test vergelijkt de BGP-routes naar de ${servers.nl} met de ROA’s in RPKI. Een ongeldige route kan een kaping of een fout in de ROA zijn; netwerken die RPKI controleren, laten zo’n route vallen en dan is de server voor hen onbereikbaar.`,
        en: `This test compares the BGP routes to the ${servers.en} with the ROAs in RPKI. An invalid route may be a hijack or a mistake in the ROA; networks that validate RPKI drop such a route, and the server becomes unreachable for them.`,
      },
      advice: {
        nl: 'Zorg dat elke ROA het AS-nummer en de maximale prefixlengte (maxLength) heeft waarmee de route werkelijk wordt aangekondigd, en dat elk aangekondigd prefix door een ROA wordt gedekt.',
        en: 'Make every ROA name the AS number and maximum prefix length (maxLength) the route is actually announced with, and make sure every announced prefix is covered by a ROA.',
      },
      supplier: {
        nl: `De routes naar onze ${servers.nl} zijn niet RPKI-geldig. Wilt u de ROA’s laten kloppen met de BGP-aankondigingen (AS-nummer en maxLength)?`,
        en: `The routes to our ${servers.en} are not RPKI-valid. Please make the ROAs match the BGP announcements (AS number and maxLength).`,
      },
      findings: routeValidityFindings,
    },
  };
}

const webServers = rpkiMessages({ nl: 'webservers', en: 'web servers' });
const nameServers = rpkiMessages({ nl: 'nameservers', en: 'name servers' });

/** The messages of the website test's DNSSEC and RPKI checks. */
export const webDnssecRpkiMessages: CheckCatalogue = {
  'web-dnssec-exists': {
    title: { nl: 'DNSSEC aanwezig', en: 'DNSSEC exists' },
    failureTitle: { nl: 'DNSSEC ontbreekt', en: 'DNSSEC missing' },
    explanation: {
      nl: 'Deze test kijkt of het domein met DNSSEC is ondertekend. Met DNSSEC kunnen bezoekers controleren dat de DNS-antwoorden, zoals het IP-adres van de website, echt van de domeinhouder komen en onderweg niet zijn vervalst.',
      en: 'This test checks that the domain is signed with DNSSEC. DNSSEC lets visitors verify that DNS answers, such as the website’s IP address, really come from the domain holder and were not forged on the way.',
    },
    advice: {
      nl: 'Zet DNSSEC aan bij de DNS-hoster (vaak één instelling) en zorg dat het DS-record bij de registry (bijvoorbeeld SIDN voor .nl) wordt gepubliceerd.',
      en: 'Turn on DNSSEC at the DNS host (often a single setting) and make sure the DS record is published at the registry (for example SIDN for .nl).',
    },
    supplier: {
      nl: 'Ons domein is niet met DNSSEC ondertekend. Wilt u DNSSEC inschakelen en het DS-record bij de registry laten publiceren?',
      en: 'Our domain is not signed with DNSSEC. Please enable DNSSEC and have the DS record published at the registry.',
    },
    findings: dnssecStateFindings,
  },
  'web-dnssec-valid': {
    title: { nl: 'DNSSEC geldig', en: 'DNSSEC valid' },
    failureTitle: { nl: 'DNSSEC ongeldig', en: 'DNSSEC invalid' },
    explanation: {
      nl: 'Deze test valideert de DNSSEC-handtekeningen van het domein vanaf de root. Ongeldige handtekeningen (bogus) maken het domein onbereikbaar voor iedereen die een validerende resolver gebruikt.',
      en: 'This test validates the domain’s DNSSEC signatures from the root down. Invalid signatures (bogus) make the domain unreachable for everyone who uses a validating resolver.',
    },
    advice: {
      nl: 'Herstel de ondertekening: vernieuw verlopen handtekeningen, laat het DS-record bij de registry overeenkomen met de actieve sleutel (KSK), en voer sleutelwissels volgens een vast schema uit.',
      en: 'Repair the signing: renew expired signatures, make the DS record at the registry match the active key (KSK), and follow a fixed schedule for key rollovers.',
    },
    supplier: {
      nl: 'De DNSSEC-handtekeningen van ons domein zijn ongeldig. Wilt u met spoed de ondertekening en het DS-record bij de registry herstellen?',
      en: 'Our domain’s DNSSEC signatures do not validate. Please repair the signing and the DS record at the registry urgently.',
    },
    findings: dnssecStateFindings,
  },
  'web-dnssec-algorithms': {
    title: { nl: 'DNSSEC-algoritmen actueel', en: 'DNSSEC algorithms current' },
    failureTitle: { nl: 'Verouderde DNSSEC-algoritmen', en: 'Outdated DNSSEC algorithms' },
    explanation: {
      nl: 'Deze test kijkt welke algoritmen, DS-digests en RSA-sleutellengtes de zone van het domein gebruikt. Verouderde algoritmen zoals RSASHA1 en SHA-1-digests worden door validerende resolvers steeds vaker als onveilig behandeld.',
      en: 'This test checks which algorithms, DS digests and RSA key sizes the domain’s zone uses. Outdated algorithms such as RSASHA1 and SHA-1 digests are more and more often treated as insecure by validating resolvers.',
    },
    advice: {
      nl: 'Voer een algoritmewissel uit naar ECDSAP256SHA256 (13) of RSASHA256 (8) met ten minste 2048 bits, en publiceer DS-records met SHA-256 (digesttype 2).',
      en: 'Roll the zone over to ECDSAP256SHA256 (13), or RSASHA256 (8) with at least 2048 bits, and publish DS records with SHA-256 (digest type 2).',
    },
    supplier: {
      nl: 'Ons domein wordt ondertekend met een verouderd DNSSEC-algoritme of -digest. Wilt u een algoritmewissel naar ECDSAP256SHA256 of RSASHA256 (2048 bits) plannen, met SHA-256-DS-records?',
      en: 'Our domain is signed with an outdated DNSSEC algorithm or digest. Please plan an algorithm rollover to ECDSAP256SHA256 or RSASHA256 (2048 bits), with SHA-256 DS records.',
    },
    findings: {
      good: {
        nl: 'Zone {zone} gebruikt alleen actuele algoritmen en digests.',
        en: 'Zone {zone} uses current algorithms and digests only.',
      },
      algorithm: {
        nl: 'Zone {zone} ({scope}) ondertekent met algoritme {algorithm} ({mnemonic}), beoordeeld als {rating}; sleutels {keyTags}.',
        en: 'Zone {zone} ({scope}) signs with algorithm {algorithm} ({mnemonic}), rated {rating}; keys {keyTags}.',
      },
      'short-rsa-key': {
        nl: 'Sleutel {keyTag} van zone {zone} ({scope}) is een {mnemonic}-sleutel van {bits} bits; minder dan {minimum} bits moet worden uitgefaseerd.',
        en: 'Key {keyTag} of zone {zone} ({scope}) is a {mnemonic} key of {bits} bits; fewer than {minimum} bits is to be phased out.',
      },
      'ds-digest': {
        nl: 'Een DS-record van zone {zone} ({scope}) gebruikt digesttype {digestType} ({mnemonic}), beoordeeld als {rating}.',
        en: 'A DS record of zone {zone} ({scope}) uses digest type {digestType} ({mnemonic}), rated {rating}.',
      },
      'no-chain': {
        nl: 'Niet getest: de validatie van {name} gaf geen keten van zones om te beoordelen.',
        en: 'Not tested: validating {name} gave no chain of zones to judge.',
      },
      insecure: {
        nl: 'Niet van toepassing: {name} is niet met DNSSEC ondertekend.',
        en: 'Not applicable: {name} is not signed with DNSSEC.',
      },
      bogus: {
        nl: 'Niet van toepassing: de DNSSEC van {name} is ongeldig (zie DNSSEC geldig).',
        en: 'Not applicable: the DNSSEC of {name} does not validate (see DNSSEC valid).',
      },
      dnserror: { nl: 'Niet getest: de DNS-vraag naar {name} mislukte.', en: 'Not tested: the DNS query for {name} failed.' },
      error: dnssecOwnFailure,
    },
  },
  'web-rpki-exists': webServers.exists,
  'web-rpki-valid': webServers.valid,
  'web-ns-rpki-exists': nameServers.exists,
  'web-ns-rpki-valid': nameServers.valid,
};
