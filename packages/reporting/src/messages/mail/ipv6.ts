import type { CheckCatalogue } from '../types.js';
import { mailServerSituationFindings, noNullMxFinding } from './shared.js';

/** The messages of the mail test's IPv6 checks: name servers and mail servers. */
export const mailIpv6Messages: CheckCatalogue = {
  'mail-ipv6-ns-address': {
    title: {
      nl: 'Twee of meer naamservers van het maildomein hebben een IPv6-adres',
      en: 'Two or more name servers of the mail domain have an IPv6 address',
    },
    failureTitle: {
      nl: 'Minder dan twee naamservers van het maildomein hebben een IPv6-adres',
      en: 'Fewer than two name servers of the mail domain have an IPv6 address',
    },
    explanation: {
      nl: 'We testen of minstens twee naamservers van het maildomein een IPv6-adres (AAAA-record) hebben. Verzenders die alleen IPv6 hebben, moeten het domein kunnen opzoeken om er mail naartoe te sturen.',
      en: 'We check that at least two name servers of the mail domain have an IPv6 address (AAAA record). Senders that have only IPv6 must be able to look the domain up to send mail to it.',
    },
    advice: {
      nl: 'Geef minstens twee naamservers een IPv6-adres: publiceer een AAAA-record voor elke naamserver (bijvoorbeeld "ns1.example.nl. AAAA 2001:db8::53") en zorg dat de naamserver op dat adres antwoordt.',
      en: 'Give at least two name servers an IPv6 address: publish an AAAA record for each name server (for example "ns1.example.nl. AAAA 2001:db8::53") and make sure the name server answers on that address.',
    },
    supplier: {
      nl: 'Wilt u ervoor zorgen dat minstens twee naamservers van ons domein bereikbaar zijn via IPv6, met een AAAA-record per naamserver?',
      en: 'Please make sure that at least two name servers of our domain can be reached over IPv6, with an AAAA record for each name server.',
    },
    findings: {
      'no-name-servers': {
        nl: 'Er zijn geen naamservers van het domein gevonden.',
        en: 'No name servers of the domain were found.',
      },
      none: {
        nl: 'Geen enkele naamserver van het domein heeft een IPv6-adres.',
        en: "None of the domain's name servers has an IPv6 address.",
      },
      'only-one': {
        nl: 'Alleen naamserver {nameServer} heeft een IPv6-adres; er zijn er minstens twee nodig.',
        en: 'Only name server {nameServer} has an IPv6 address; at least two are needed.',
      },
      good: {
        nl: 'Naamservers met een IPv6-adres: {count}.',
        en: 'Name servers with an IPv6 address: {count}.',
      },
    },
  },
  'mail-ipv6-ns-reach': {
    title: {
      nl: 'Naamservers van het maildomein bereikbaar via IPv6',
      en: 'Name servers of the mail domain reachable over IPv6',
    },
    failureTitle: {
      nl: 'Niet alle naamservers van het maildomein bereikbaar via IPv6',
      en: 'Not all name servers of the mail domain reachable over IPv6',
    },
    explanation: {
      nl: 'We sturen een DNS-vraag naar elk IPv6-adres van elke naamserver van het maildomein. Een IPv6-adres dat niet antwoordt, vertraagt of verhindert het opzoeken van het domein via IPv6.',
      en: 'We send a DNS query to every IPv6 address of every name server of the mail domain. An IPv6 address that does not answer slows down or prevents looking the domain up over IPv6.',
    },
    advice: {
      nl: 'Zorg dat elke naamserver op al zijn IPv6-adressen DNS-vragen beantwoordt (UDP en TCP poort 53), of verwijder AAAA-records van adressen die niet in gebruik zijn.',
      en: 'Make sure every name server answers DNS queries on all of its IPv6 addresses (UDP and TCP port 53), or remove the AAAA records of addresses that are not in use.',
    },
    supplier: {
      nl: 'Een of meer IPv6-adressen van onze naamservers beantwoorden geen DNS-vragen. Wilt u zorgen dat elke naamserver op al zijn IPv6-adressen antwoordt op UDP en TCP poort 53?',
      en: 'One or more IPv6 addresses of our name servers do not answer DNS queries. Please make sure every name server answers on all of its IPv6 addresses on UDP and TCP port 53.',
    },
    findings: {
      'no-ipv6': {
        nl: 'Niet getest: geen enkele naamserver heeft een IPv6-adres.',
        en: 'Not tested: no name server has an IPv6 address.',
      },
      unreachable: {
        nl: 'Naamserver {nameServer} antwoordt niet via IPv6 op {addresses}.',
        en: 'Name server {nameServer} does not answer over IPv6 at {addresses}.',
      },
      good: {
        nl: 'Alle naamservers antwoorden op al hun IPv6-adressen.',
        en: 'All name servers answer on all of their IPv6 addresses.',
      },
    },
  },
  'mail-ipv6-mx-address': {
    title: {
      nl: 'Alle mailservers hebben een IPv6-adres',
      en: 'All mail servers have an IPv6 address',
    },
    failureTitle: {
      nl: 'Niet alle mailservers hebben een IPv6-adres',
      en: 'Not all mail servers have an IPv6 address',
    },
    explanation: {
      nl: 'We testen of elke mailserver uit de MX-records een IPv6-adres (AAAA-record) heeft. Zonder IPv6-adres kunnen verzenders die alleen IPv6 hebben geen mail afleveren.',
      en: 'We check that every mail server in the MX records has an IPv6 address (AAAA record). Without an IPv6 address, senders that have only IPv6 cannot deliver mail.',
    },
    advice: {
      nl: 'Geef elke mailserver een IPv6-adres: publiceer een AAAA-record bij de naam in het MX-record (bijvoorbeeld "mx1.example.nl. AAAA 2001:db8::25") en laat de mailserver op dat adres luisteren op poort 25.',
      en: 'Give every mail server an IPv6 address: publish an AAAA record for the name in the MX record (for example "mx1.example.nl. AAAA 2001:db8::25") and let the mail server listen on port 25 at that address.',
    },
    supplier: {
      nl: 'Niet al onze mailservers hebben een IPv6-adres. Wilt u elke mailserver in onze MX-records een AAAA-record geven en mail op dat adres laten ontvangen?',
      en: 'Not all of our mail servers have an IPv6 address. Please give every mail server in our MX records an AAAA record and let it receive mail at that address.',
    },
    findings: {
      ...mailServerSituationFindings,
      ...noNullMxFinding,
      good: {
        nl: 'Alle mailservers ({count}) hebben een IPv6-adres.',
        en: 'All mail servers ({count}) have an IPv6 address.',
      },
      'ipv4-mapped-only': {
        nl: 'Mailserver {server} heeft alleen een IPv4-mapped IPv6-adres (::ffff:…); dat telt niet als IPv6-adres.',
        en: 'Mail server {server} has only an IPv4-mapped IPv6 address (::ffff:…), which does not count as an IPv6 address.',
      },
      none: {
        nl: 'Mailserver {server} heeft geen IPv6-adres.',
        en: 'Mail server {server} has no IPv6 address.',
      },
    },
  },
  'mail-ipv6-mx-reach': {
    title: {
      nl: 'Alle mailservers bereikbaar via IPv6',
      en: 'All mail servers reachable over IPv6',
    },
    failureTitle: {
      nl: 'Niet alle mailservers bereikbaar via IPv6',
      en: 'Not all mail servers reachable over IPv6',
    },
    explanation: {
      nl: 'We maken een verbinding met poort 25 op elk IPv6-adres van elke mailserver. Een IPv6-adres dat geen verbinding aanneemt, laat mail van verzenders via IPv6 vertragen of mislukken.',
      en: 'We connect to port 25 on every IPv6 address of every mail server. An IPv6 address that accepts no connection makes mail from senders over IPv6 late or lost.',
    },
    advice: {
      nl: 'Zorg dat de mailserver op al zijn IPv6-adressen verbindingen op poort 25 aanneemt, en dat een firewall die poort voor IPv6 net zo openzet als voor IPv4. Verwijder AAAA-records van adressen die geen mail ontvangen.',
      en: 'Make sure the mail server accepts connections on port 25 on all of its IPv6 addresses, and that the firewall opens that port for IPv6 as it does for IPv4. Remove the AAAA records of addresses that receive no mail.',
    },
    supplier: {
      nl: 'Een of meer IPv6-adressen van onze mailservers nemen geen verbindingen op poort 25 aan. Wilt u SMTP op al die IPv6-adressen bereikbaar maken, ook in de firewall?',
      en: 'One or more IPv6 addresses of our mail servers accept no connections on port 25. Please make SMTP reachable on all of those IPv6 addresses, the firewall included.',
    },
    findings: {
      ...mailServerSituationFindings,
      'no-ipv6': {
        nl: 'Niet getest: geen enkele mailserver heeft een IPv6-adres.',
        en: 'Not tested: no mail server has an IPv6 address.',
      },
      unreachable: {
        nl: 'Mailserver {server} neemt via IPv6 geen verbinding aan op poort 25 ({addresses}).',
        en: 'Mail server {server} accepts no connection on port 25 over IPv6 ({addresses}).',
      },
      'only-on-ipv4': {
        nl: 'Mailserver {server} neemt op poort 25 alleen via IPv4 verbindingen aan, niet via IPv6.',
        en: 'Mail server {server} accepts connections on port 25 over IPv4 only, not over IPv6.',
      },
      good: {
        nl: 'Alle mailservers nemen op al hun IPv6-adressen verbindingen aan op poort 25.',
        en: 'All mail servers accept connections on port 25 on all of their IPv6 addresses.',
      },
    },
  },
};
