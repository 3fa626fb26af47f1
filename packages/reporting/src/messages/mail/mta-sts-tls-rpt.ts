import type { CheckCatalogue } from '../types.js';
import { mailServerSituationFindings } from './shared.js';

/** The messages of pastoe's own recommended mail checks beyond Internet.nl: MTA-STS and TLS-RPT. */
export const mailMtaStsTlsRptMessages: CheckCatalogue = {
  'mail-mta-sts': {
    title: {
      nl: 'MTA-STS beschermt de aflevering aan alle mailservers',
      en: 'MTA-STS protects delivery to all mail servers',
    },
    failureTitle: {
      nl: 'MTA-STS ontbreekt of beschermt de aflevering niet',
      en: 'MTA-STS missing or not protecting delivery',
    },
    explanation: {
      nl: 'We testen of het domein MTA-STS (RFC 8461) publiceert: een _mta-sts-record en een beleid op https://mta-sts.<domein>/.well-known/mta-sts.txt in mode enforce dat alle mailservers noemt. Verzenders leveren dan alleen via TLS met een geldig certificaat af, ook zonder DNSSEC. pastoe test dit naast Internet.nl; het telt niet mee in de score.',
      en: 'We check that the domain publishes MTA-STS (RFC 8461): an _mta-sts record and a policy at https://mta-sts.<domain>/.well-known/mta-sts.txt in mode enforce that names every mail server. Senders then deliver only over TLS with a valid certificate, even without DNSSEC. pastoe tests this beside Internet.nl; it does not count in the score.',
    },
    advice: {
      nl: 'Publiceer "_mta-sts.example.nl. TXT "v=STSv1; id=20260101"" en serveer op https://mta-sts.example.nl/.well-known/mta-sts.txt (text/plain, geldig certificaat, geen doorverwijzing) een beleid als "version: STSv1", "mode: enforce", "mx: mx1.example.nl", "max_age: 1209600". Begin eventueel met mode testing en verhoog id bij elke wijziging.',
      en: 'Publish "_mta-sts.example.nl. TXT "v=STSv1; id=20260101"" and serve at https://mta-sts.example.nl/.well-known/mta-sts.txt (text/plain, valid certificate, no redirect) a policy such as "version: STSv1", "mode: enforce", "mx: mx1.example.nl", "max_age: 1209600". Start with mode testing if you like, and raise id at every change.',
    },
    supplier: {
      nl: 'Wilt u MTA-STS (RFC 8461) inrichten voor ons maildomein: een _mta-sts-record en een beleid in mode enforce op https://mta-sts.<ons domein>/.well-known/mta-sts.txt dat al onze mailservers noemt?',
      en: 'Please set up MTA-STS (RFC 8461) for our mail domain: an _mta-sts record and a policy in mode enforce at https://mta-sts.<our domain>/.well-known/mta-sts.txt that names all of our mail servers.',
    },
    findings: {
      ...mailServerSituationFindings,
      'no-record': {
        nl: 'Er is geen MTA-STS-record op {name}.',
        en: 'There is no MTA-STS record at {name}.',
      },
      'multiple-records': {
        nl: '{name} heeft {count} MTA-STS-records; verzenders gebruiken MTA-STS dan niet. Laat er één over.',
        en: '{name} has {count} MTA-STS records; senders then do not use MTA-STS. Keep one.',
      },
      'record-syntax': {
        nl: 'Het MTA-STS-record bevat een fout ({code}): {message}.',
        en: 'The MTA-STS record has an error ({code}): {message}.',
      },
      'no-policy-host': {
        nl: 'De beleidsserver voor {url} heeft geen IP-adres.',
        en: 'The policy server for {url} has no IP address.',
      },
      'policy-unreachable': {
        nl: 'Het beleid op {url} kon niet worden opgehaald ({code}: {message}).',
        en: 'The policy at {url} could not be fetched ({code}: {message}).',
      },
      'policy-certificate': {
        nl: 'Het certificaat van {url} is niet geldig ({reason}); verzenders negeren het beleid dan.',
        en: 'The certificate of {url} is not valid ({reason}); senders then ignore the policy.',
      },
      'policy-redirect': {
        nl: '{url} verwijst door (HTTP {status} naar {location}); verzenders volgen geen doorverwijzing.',
        en: '{url} redirects (HTTP {status} to {location}); senders do not follow redirects.',
      },
      'policy-status': {
        nl: '{url} gaf HTTP-status {status} in plaats van 200.',
        en: '{url} gave HTTP status {status} instead of 200.',
      },
      'policy-content-type': {
        nl: 'Het beleid wordt geserveerd als "{contentType}" in plaats van text/plain.',
        en: 'The policy is served as "{contentType}" instead of text/plain.',
      },
      'policy-too-large': {
        nl: 'Het beleid op {url} is groter dan 64 KiB.',
        en: 'The policy at {url} is larger than 64 KiB.',
      },
      'policy-syntax': {
        nl: 'Het MTA-STS-beleid bevat een fout ({code}): {message}.',
        en: 'The MTA-STS policy has an error ({code}): {message}.',
      },
      'policy-warning': {
        nl: 'Opmerking bij het MTA-STS-beleid ({code}): {message}.',
        en: 'Note on the MTA-STS policy ({code}): {message}.',
      },
      'mode-none': {
        nl: 'Het beleid staat op mode none: MTA-STS is uitgezet.',
        en: 'The policy is in mode none: MTA-STS is switched off.',
      },
      'mx-not-covered': {
        nl: 'Mailserver {mx} valt niet onder de mx-regels van het beleid ({patterns}); verzenders in mode enforce leveren daar niet af.',
        en: "Mail server {mx} is not covered by the policy's mx lines ({patterns}); senders in mode enforce do not deliver there.",
      },
      'mode-testing': {
        nl: 'Het beleid staat op mode testing: verzenders melden problemen maar leveren toch onbeveiligd af.',
        en: 'The policy is in mode testing: senders report problems but still deliver unprotected.',
      },
      'short-max-age': {
        nl: 'max_age is {maxAge} seconden, korter dan het minimum van {minimum}; het beleid beschermt dan weinig tussen twee keer ophalen.',
        en: 'max_age is {maxAge} seconds, shorter than the minimum of {minimum}; the policy then protects little between fetches.',
      },
      'max-age-below-week': {
        nl: 'max_age is {maxAge} seconden; RFC 8461 raadt weken aan (minstens {advised}).',
        en: 'max_age is {maxAge} seconds; RFC 8461 advises weeks (at least {advised}).',
      },
    },
  },
  'mail-tls-rpt': {
    title: {
      nl: 'TLS-rapportage (TLS-RPT) ingesteld',
      en: 'TLS reporting (TLS-RPT) set up',
    },
    failureTitle: {
      nl: 'TLS-rapportage (TLS-RPT) ontbreekt of is onjuist',
      en: 'TLS reporting (TLS-RPT) missing or incorrect',
    },
    explanation: {
      nl: 'We testen of het domein één geldig TLS-RPT-record (RFC 8460) heeft op _smtp._tls. Verzenders sturen dan dagelijks rapporten over mislukte TLS-verbindingen, zodat problemen met STARTTLS, DANE of MTA-STS snel opvallen. pastoe test dit naast Internet.nl; het telt niet mee in de score.',
      en: 'We check that the domain has one valid TLS-RPT record (RFC 8460) at _smtp._tls. Senders then send daily reports on failed TLS connections, so that problems with STARTTLS, DANE or MTA-STS show up quickly. pastoe tests this beside Internet.nl; it does not count in the score.',
    },
    advice: {
      nl: 'Publiceer één TXT-record, bijvoorbeeld "_smtp._tls.example.nl. TXT "v=TLSRPTv1; rua=mailto:tlsrpt@example.nl"", met een mailto- of https-adres dat de rapporten ontvangt.',
      en: 'Publish one TXT record, for example "_smtp._tls.example.nl. TXT "v=TLSRPTv1; rua=mailto:tlsrpt@example.nl"", with a mailto or https address that receives the reports.',
    },
    supplier: {
      nl: 'Wilt u voor ons maildomein een TLS-RPT-record (RFC 8460) publiceren op _smtp._tls, met een adres waar de TLS-rapporten binnenkomen?',
      en: 'Please publish a TLS-RPT record (RFC 8460) at _smtp._tls for our mail domain, with an address where the TLS reports arrive.',
    },
    findings: {
      ...mailServerSituationFindings,
      'no-record': {
        nl: 'Er is geen TLS-RPT-record op {name}.',
        en: 'There is no TLS-RPT record at {name}.',
      },
      'multiple-records': {
        nl: '{name} heeft {count} TLS-RPT-records; verzenders sturen dan nergens rapporten heen. Laat er één over.',
        en: '{name} has {count} TLS-RPT records; senders then send reports nowhere. Keep one.',
      },
      'record-syntax': {
        nl: 'Het TLS-RPT-record bevat een fout ({code}): {message}.',
        en: 'The TLS-RPT record has an error ({code}): {message}.',
      },
    },
  },
};
