import type { CheckCatalogue } from '../types.js';

/** The messages of the website test's IPv6 checks: name servers and web server. */
export const webIpv6Messages: CheckCatalogue = {
  'web-ipv6-ns-address': {
    title: { nl: 'IPv6-adressen voor nameservers', en: 'IPv6 addresses for name servers' },
    failureTitle: { nl: 'Te weinig IPv6-adressen voor nameservers', en: 'Too few IPv6 addresses for name servers' },
    explanation: {
      nl: 'Deze test kijkt of ten minste twee nameservers van het domein een IPv6-adres (AAAA-record) hebben. Zonder zijn de DNS-gegevens van het domein niet op te vragen voor wie alleen IPv6 heeft.',
      en: 'This test checks that at least two of the domain’s name servers have an IPv6 address (AAAA record). Without them, the domain’s DNS cannot be looked up by someone who has IPv6 only.',
    },
    advice: {
      nl: 'Geef ten minste twee nameservers een IPv6-adres en publiceer daarvoor AAAA-records (en glue bij de registry waar de nameservers onder het domein zelf vallen). Bijvoorbeeld: ns1.example.nl. AAAA 2001:db8::53.',
      en: 'Give at least two name servers an IPv6 address and publish AAAA records for them (and glue at the registry where the name servers sit under the domain itself). For example: ns1.example.nl. AAAA 2001:db8::53.',
    },
    supplier: {
      nl: 'Wilt u ervoor zorgen dat ten minste twee nameservers van ons domein via IPv6 bereikbaar zijn en een AAAA-record hebben?',
      en: 'Please make sure that at least two name servers of our domain are reachable over IPv6 and have an AAAA record.',
    },
    findings: {
      'no-name-servers': { nl: 'Er zijn geen nameservers van het domein gevonden.', en: 'No name servers of the domain were found.' },
      none: { nl: 'Geen enkele nameserver heeft een IPv6-adres.', en: 'No name server has an IPv6 address.' },
      'only-one': {
        nl: 'Alleen nameserver {nameServer} heeft een IPv6-adres; er zijn er ten minste twee nodig.',
        en: 'Only name server {nameServer} has an IPv6 address; at least two are needed.',
      },
      good: { nl: '{count} nameservers hebben een IPv6-adres.', en: '{count} name servers have an IPv6 address.' },
    },
  },
  'web-ipv6-ns-reach': {
    title: { nl: 'Nameservers bereikbaar via IPv6', en: 'Name servers reachable over IPv6' },
    failureTitle: { nl: 'Nameservers niet bereikbaar via IPv6', en: 'Name servers not reachable over IPv6' },
    explanation: {
      nl: 'Deze test vraagt elk IPv6-adres van elke nameserver om een DNS-antwoord. Een adres dat wel in de DNS staat maar niet antwoordt, maakt het domein traag of onbereikbaar voor IPv6-gebruikers.',
      en: 'This test asks every IPv6 address of every name server for a DNS answer. An address that is published but does not answer makes the domain slow or unreachable for IPv6 users.',
    },
    advice: {
      nl: 'Zorg dat elke nameserver op zijn IPv6-adres DNS-vragen beantwoordt (UDP en TCP poort 53, ook door de firewall), of verwijder een AAAA-record dat niet werkt.',
      en: 'Make every name server answer DNS queries on its IPv6 address (UDP and TCP port 53, through the firewall too), or remove an AAAA record that does not work.',
    },
    supplier: {
      nl: 'Een of meer nameservers van ons domein beantwoorden geen DNS-vragen op hun IPv6-adres. Wilt u dat herstellen (poort 53 via UDP en TCP)?',
      en: 'One or more name servers of our domain do not answer DNS queries on their IPv6 address. Please fix this (port 53 over UDP and TCP).',
    },
    findings: {
      'no-ipv6': { nl: 'Niet getest: geen nameserver heeft een IPv6-adres.', en: 'Not tested: no name server has an IPv6 address.' },
      unreachable: {
        nl: 'Nameserver {nameServer} antwoordt niet op IPv6-adres(sen) {addresses}.',
        en: 'Name server {nameServer} does not answer on IPv6 address(es) {addresses}.',
      },
      good: { nl: 'Elke nameserver antwoordt op zijn IPv6-adressen.', en: 'Every name server answers on its IPv6 addresses.' },
    },
  },
  'web-ipv6-ws-address': {
    title: { nl: 'IPv6-adres voor webserver', en: 'IPv6 address for web server' },
    failureTitle: { nl: 'Geen IPv6-adres voor webserver', en: 'No IPv6 address for web server' },
    explanation: {
      nl: 'Deze test kijkt of de website een IPv6-adres (AAAA-record) heeft. Steeds meer bezoekers zijn via IPv6 verbonden; een website zonder IPv6 leunt op vertaaltechniek die niet altijd beschikbaar is.',
      en: 'This test checks that the website has an IPv6 address (AAAA record). More and more visitors connect over IPv6; a website without it depends on translation that is not always there.',
    },
    advice: {
      nl: 'Geef de webserver een IPv6-adres en publiceer een AAAA-record, bijvoorbeeld: example.nl. AAAA 2001:db8::80. Een IPv4-mapped adres (::ffff:192.0.2.1) telt niet.',
      en: 'Give the web server an IPv6 address and publish an AAAA record, for example: example.nl. AAAA 2001:db8::80. An IPv4-mapped address (::ffff:192.0.2.1) does not count.',
    },
    supplier: {
      nl: 'Onze website heeft geen IPv6-adres. Wilt u de webserver via IPv6 bereikbaar maken en een AAAA-record voor het domein publiceren?',
      en: 'Our website has no IPv6 address. Please make the web server reachable over IPv6 and publish an AAAA record for the domain.',
    },
    findings: {
      good: { nl: 'De website heeft een IPv6-adres.', en: 'The website has an IPv6 address.' },
      none: { nl: 'Er is geen AAAA-record voor de website.', en: 'There is no AAAA record for the website.' },
      'ipv4-mapped-only': {
        nl: 'Het AAAA-record bevat alleen IPv4-mapped adressen; dat zijn geen echte IPv6-adressen.',
        en: 'The AAAA record holds IPv4-mapped addresses only; those are not real IPv6 addresses.',
      },
    },
  },
  'web-ipv6-ws-reach': {
    title: { nl: 'Webserver bereikbaar via IPv6', en: 'Web server reachable over IPv6' },
    failureTitle: { nl: 'Webserver niet bereikbaar via IPv6', en: 'Web server not reachable over IPv6' },
    explanation: {
      nl: 'Deze test maakt verbinding met elk IPv6-adres van de website op poort 80 en 443. Een adres dat in de DNS staat maar niet antwoordt, maakt de website onbereikbaar of traag voor IPv6-bezoekers.',
      en: 'This test connects to every IPv6 address of the website on ports 80 and 443. An address that is published but does not answer makes the website unreachable or slow for IPv6 visitors.',
    },
    advice: {
      nl: 'Zorg dat de webserver op elk gepubliceerd IPv6-adres verbindingen aanneemt op dezelfde poorten als via IPv4 (controleer firewall en listen-instellingen, bijvoorbeeld listen [::]:443 in nginx), of verwijder AAAA-records die niet werken.',
      en: 'Make the web server accept connections on every published IPv6 address, on the same ports as over IPv4 (check the firewall and listen settings, e.g. listen [::]:443 in nginx), or remove AAAA records that do not work.',
    },
    supplier: {
      nl: 'Onze website is niet (volledig) bereikbaar op haar IPv6-adres. Wilt u de webserver en firewall zo instellen dat poort 80 en 443 ook via IPv6 open zijn?',
      en: 'Our website is not (fully) reachable on its IPv6 address. Please configure the web server and firewall so that ports 80 and 443 are open over IPv6 too.',
    },
    findings: {
      'no-ipv6': { nl: 'Niet getest: de website heeft geen IPv6-adres.', en: 'Not tested: the website has no IPv6 address.' },
      unreachable: { nl: 'IPv6-adres {address} neemt geen verbindingen aan.', en: 'IPv6 address {address} accepts no connections.' },
      'port-only-on-ipv4': {
        nl: 'Poort {port} is open via IPv4 maar niet via IPv6.',
        en: 'Port {port} is open over IPv4 but not over IPv6.',
      },
      good: { nl: 'Elk IPv6-adres van de website neemt verbindingen aan.', en: 'Every IPv6 address of the website accepts connections.' },
    },
  },
  'web-ipv6-ws-similar': {
    title: { nl: 'Gelijke website op IPv6 en IPv4', en: 'Same website on IPv6 and IPv4' },
    failureTitle: { nl: 'Verschillende website op IPv6 en IPv4', en: 'Different website on IPv6 and IPv4' },
    explanation: {
      nl: 'Deze test haalt de website op via IPv4 en via IPv6 en vergelijkt poorten, statuscodes en inhoud. Bezoekers horen dezelfde website te krijgen, welk protocol hun verbinding ook gebruikt.',
      en: 'This test fetches the website over IPv4 and over IPv6 and compares the ports, status codes and content. Visitors should get the same website whichever protocol their connection uses.',
    },
    advice: {
      nl: 'Laat de IPv4- en IPv6-adressen naar dezelfde webserver of dezelfde configuratie wijzen, met dezelfde open poorten en dezelfde inhoud. Een aparte IPv6-proxy of load balancer moet dezelfde site serveren.',
      en: 'Point the IPv4 and IPv6 addresses at the same web server or the same configuration, with the same open ports and the same content. A separate IPv6 proxy or load balancer must serve the same site.',
    },
    supplier: {
      nl: 'Onze website geeft via IPv6 niet hetzelfde antwoord als via IPv4. Wilt u zorgen dat beide adressen dezelfde website serveren, op dezelfde poorten?',
      en: 'Our website does not answer the same over IPv6 as over IPv4. Please make both addresses serve the same website on the same ports.',
    },
    findings: {
      'no-ipv6': { nl: 'Niet getest: de website heeft geen IPv6-adres.', en: 'Not tested: the website has no IPv6 address.' },
      'ipv6-unreachable': {
        nl: 'Niet getest: geen IPv6-adres van de website was bereikbaar.',
        en: 'Not tested: no IPv6 address of the website was reachable.',
      },
      'no-ipv4': {
        nl: 'Niet van toepassing: de website heeft alleen IPv6, er valt niets te vergelijken.',
        en: 'Not applicable: the website has IPv6 only, so there is nothing to compare.',
      },
      'ipv4-unreachable': { nl: 'De website is via IPv4 niet bereikbaar.', en: 'The website is not reachable over IPv4.' },
      'port-only-on-ipv4': {
        nl: 'Poort(en) {ports} zijn open via IPv4 maar niet via IPv6.',
        en: 'Port(s) {ports} are open over IPv4 but not over IPv6.',
      },
      'ports-differ': {
        nl: 'Via IPv4 antwoordden poort(en) {ipv4}, via IPv6 poort(en) {ipv6}.',
        en: 'Over IPv4 port(s) {ipv4} answered, over IPv6 port(s) {ipv6}.',
      },
      'no-response': {
        nl: 'De pagina kon niet via zowel IPv4 als IPv6 worden opgehaald.',
        en: 'The page could not be fetched over both IPv4 and IPv6.',
      },
      'status-codes-differ': {
        nl: 'De statuscode via IPv4 ({ipv4}) verschilt van die via IPv6 ({ipv6}).',
        en: 'The status code over IPv4 ({ipv4}) differs from the one over IPv6 ({ipv6}).',
      },
      'content-differs': {
        nl: 'De inhoud via IPv4 en IPv6 verschilt te veel (afstand {distance}).',
        en: 'The content over IPv4 and IPv6 differs too much (distance {distance}).',
      },
      good: { nl: 'De website is via IPv4 en IPv6 gelijk.', en: 'The website is the same over IPv4 and IPv6.' },
      'error-status': {
        nl: 'De inhoud is gelijk, maar de website antwoordt met statuscode {status}.',
        en: 'The content is the same, but the website answers with status code {status}.',
      },
    },
  },
};
