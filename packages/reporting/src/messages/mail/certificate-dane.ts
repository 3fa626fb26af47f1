import type { CheckCatalogue } from '../types.js';
import { type FindingTexts, starttlsSubtestFindings } from './shared.js';

/** The finding of a certificate subtest about a chain whose certificates pastoe could not read. */
const unparsableFinding: FindingTexts = {
  'unparsable-certificate': {
    nl: 'Certificaten in de keten ({source}) die niet konden worden gelezen: {count}.',
    en: 'Certificates in the chain ({source}) that could not be read: {count}.',
  },
};

/** The messages of the mail test's certificate and DANE checks, per mail server. */
export const mailCertificateDaneMessages: CheckCatalogue = {
  'mail-starttls-cert-chain': {
    title: {
      nl: 'Vertrouwensketen van certificaat geldig',
      en: 'Trust chain of certificate valid',
    },
    failureTitle: {
      nl: 'Vertrouwensketen van certificaat niet geldig',
      en: 'Trust chain of certificate not valid',
    },
    explanation: {
      nl: 'We testen of het certificaat van elke mailserver via een volledige keten terug te voeren is op een vertrouwde certificaatautoriteit. Verzenders die certificaten controleren, leveren anders geen mail af of vallen terug op een onbeveiligde verbinding.',
      en: 'We check that the certificate of every mail server leads back to a trusted certificate authority through a complete chain. Otherwise senders that check certificates do not deliver mail, or fall back to an unprotected connection.',
    },
    advice: {
      nl: 'Gebruik een certificaat van een algemeen vertrouwde certificaatautoriteit, stuur de tussenliggende certificaten mee (in Postfix: het hele ketenbestand in "smtpd_tls_chain_files") en vernieuw het certificaat op tijd.',
      en: 'Use a certificate from a publicly trusted certificate authority, send the intermediate certificates along (in Postfix: the whole chain file in "smtpd_tls_chain_files") and renew the certificate in time.',
    },
    supplier: {
      nl: 'Het certificaat van onze mailservers is niet via een geldige keten te vertrouwen. Wilt u een certificaat van een vertrouwde certificaatautoriteit installeren, met de volledige keten?',
      en: 'The certificate of our mail servers cannot be trusted through a valid chain. Please install a certificate from a trusted certificate authority, with its complete chain.',
    },
    findings: {
      ...starttlsSubtestFindings,
      'no-chain': {
        nl: 'De mailserver stuurde geen certificaatketen, dus het vertrouwen kon niet worden getest.',
        en: 'The mail server sent no certificate chain, so trust could not be tested.',
      },
      untrusted: {
        nl: 'De certificaatketen is niet te vertrouwen ({error}).',
        en: 'The certificate chain cannot be trusted ({error}).',
      },
      'outside-validity': {
        nl: 'Certificaat {certificate} is alleen geldig van {notBefore} tot {notAfter}.',
        en: 'Certificate {certificate} is only valid from {notBefore} to {notAfter}.',
      },
    },
  },
  'mail-starttls-cert-pubkey': {
    title: {
      nl: 'Publieke sleutel van certificaat voldoende',
      en: 'Public key of certificate sufficient',
    },
    failureTitle: {
      nl: 'Publieke sleutel van certificaat onvoldoende',
      en: 'Public key of certificate insufficient',
    },
    explanation: {
      nl: 'We testen of de publieke sleutels in de certificaten van elke mailserver sterk genoeg zijn. RSA-sleutels korter dan 2048 bits en onbekende curves zijn onvoldoende; RSA tot 3072 bits moet op termijn worden uitgefaseerd.',
      en: "We check that the public keys in every mail server's certificates are strong enough. RSA keys shorter than 2048 bits and unknown curves are insufficient; RSA up to 3072 bits is to be phased out in time.",
    },
    advice: {
      nl: 'Vraag een nieuw certificaat aan met een sterkere sleutel: RSA van minstens 3072 bits of ECDSA op secp256r1 of secp384r1, bijvoorbeeld "openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 …".',
      en: 'Request a new certificate with a stronger key: RSA of at least 3072 bits, or ECDSA on secp256r1 or secp384r1, for example "openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 …".',
    },
    supplier: {
      nl: 'De certificaten van onze mailservers hebben een te zwakke sleutel. Wilt u ze vervangen door certificaten met RSA van minstens 3072 bits of ECDSA (P-256 of P-384)?',
      en: 'The certificates of our mail servers have a key that is too weak. Please replace them with certificates with RSA of at least 3072 bits or ECDSA (P-256 or P-384).',
    },
    findings: {
      ...starttlsSubtestFindings,
      ...unparsableFinding,
      'insufficient-key': {
        nl: 'Certificaat {certificate} heeft een onvoldoende sleutel: {key}.',
        en: 'Certificate {certificate} has an insufficient key: {key}.',
      },
      'phase-out-key': {
        nl: 'Certificaat {certificate} heeft een sleutel die moet worden uitgefaseerd: {key}.',
        en: 'Certificate {certificate} has a key that is to be phased out: {key}.',
      },
      'eddsa-key': {
        nl: 'Certificaat {certificate} heeft een EdDSA-sleutel ({key}); Internet.nl rekent die als onvoldoende, pastoe als voldoende.',
        en: 'Certificate {certificate} has an EdDSA key ({key}); Internet.nl counts it as insufficient, pastoe as sufficient.',
      },
    },
  },
  'mail-starttls-cert-sig': {
    title: {
      nl: 'Handtekening van certificaat voldoende',
      en: 'Signature of certificate sufficient',
    },
    failureTitle: {
      nl: 'Handtekening van certificaat onvoldoende',
      en: 'Signature of certificate insufficient',
    },
    explanation: {
      nl: 'We kijken met welk algoritme de certificaten van elke mailserver zijn ondertekend. Handtekeningen met SHA-1 of MD5 zijn te vervalsen en dus onvoldoende; SHA-256 of sterker is goed.',
      en: 'We check the algorithm the certificates of every mail server are signed with. Signatures with SHA-1 or MD5 can be forged and are insufficient; SHA-256 or stronger is good.',
    },
    advice: {
      nl: 'Vervang certificaten die met SHA-1, MD5 of SHA-224 zijn ondertekend door certificaten met een handtekening op basis van SHA-256 of sterker; elke gangbare certificaatautoriteit geeft die uit.',
      en: 'Replace certificates signed with SHA-1, MD5 or SHA-224 by certificates with a signature based on SHA-256 or stronger; every common certificate authority issues them.',
    },
    supplier: {
      nl: 'De certificaten van onze mailservers zijn ondertekend met een zwak hashalgoritme. Wilt u ze vervangen door certificaten ondertekend met SHA-256 of sterker?',
      en: 'The certificates of our mail servers are signed with a weak hash algorithm. Please replace them with certificates signed with SHA-256 or stronger.',
    },
    findings: {
      ...starttlsSubtestFindings,
      ...unparsableFinding,
      'insufficient-signature': {
        nl: 'Certificaat {certificate} heeft een onvoldoende handtekening: {algorithm}.',
        en: 'Certificate {certificate} has an insufficient signature: {algorithm}.',
      },
      'phase-out-signature': {
        nl: 'Certificaat {certificate} heeft een handtekening die moet worden uitgefaseerd: {algorithm}.',
        en: 'Certificate {certificate} has a signature that is to be phased out: {algorithm}.',
      },
      'rsassa-pss-signature': {
        nl: 'Certificaat {certificate} is ondertekend met RSASSA-PSS ({algorithm}); Internet.nl rekent dat als onvoldoende, pastoe beoordeelt de hashfunctie.',
        en: 'Certificate {certificate} is signed with RSASSA-PSS ({algorithm}); Internet.nl counts that as insufficient, pastoe judges its hash function.',
      },
    },
  },
  'mail-starttls-cert-domain': {
    title: {
      nl: 'Domeinnaam op certificaat komt overeen',
      en: 'Domain name on certificate matches',
    },
    failureTitle: {
      nl: 'Domeinnaam op certificaat komt niet overeen',
      en: 'Domain name on certificate does not match',
    },
    explanation: {
      nl: 'We testen of het certificaat van elke mailserver geldig is voor de naam in het MX-record. Verzenders die certificaten controleren (bijvoorbeeld met DANE-TA of MTA-STS) leveren anders geen mail af.',
      en: 'We check that the certificate of every mail server is valid for the name in the MX record. Otherwise senders that check certificates (for example with DANE-TA or MTA-STS) do not deliver mail.',
    },
    advice: {
      nl: 'Zet de naam uit het MX-record (bijvoorbeeld mx1.example.nl) in de subjectAltName van het certificaat van die mailserver, en vraag zo nodig een nieuw certificaat aan.',
      en: "Put the name from the MX record (for example mx1.example.nl) in the subjectAltName of that mail server's certificate, and request a new certificate if needed.",
    },
    supplier: {
      nl: 'Het certificaat van onze mailserver is niet geldig voor de naam in ons MX-record. Wilt u een certificaat installeren met die naam in de subjectAltName?',
      en: 'The certificate of our mail server is not valid for the name in our MX record. Please install a certificate with that name in its subjectAltName.',
    },
    findings: {
      ...starttlsSubtestFindings,
      mismatch: {
        nl: 'Certificaat {certificate} is niet geldig voor {host}.',
        en: 'Certificate {certificate} is not valid for {host}.',
      },
    },
  },
  'mail-starttls-dane-exist': {
    title: {
      nl: 'DANE aanwezig',
      en: 'DANE present',
    },
    failureTitle: {
      nl: 'DANE niet aanwezig',
      en: 'DANE not present',
    },
    explanation: {
      nl: 'We testen of elke mailserver met DNSSEC ondertekende TLSA-records heeft op _25._tcp.<mailserver>. Met DANE weten verzenders vooraf dat de mailserver TLS moet aanbieden en welk certificaat hoort; een aanvaller kan STARTTLS dan niet meer weghalen of een ander certificaat tonen.',
      en: 'We check that every mail server has TLSA records signed with DNSSEC at _25._tcp.<mail server>. With DANE, senders know in advance that the mail server must offer TLS and which certificate belongs to it; an attacker can then no longer strip STARTTLS or present another certificate.',
    },
    advice: {
      nl: 'Onderteken de zone van de mailservers met DNSSEC en publiceer een TLSA-record per mailserver, bij voorkeur "3 1 1" (de hash van de publieke sleutel), bijvoorbeeld "_25._tcp.mx1.example.nl. TLSA 3 1 1 <sha256-hash>".',
      en: 'Sign the zone of the mail servers with DNSSEC and publish a TLSA record for each mail server, preferably "3 1 1" (the hash of the public key), for example "_25._tcp.mx1.example.nl. TLSA 3 1 1 <sha256 hash>".',
    },
    supplier: {
      nl: 'Wilt u voor elke mailserver die mail voor ons domein ontvangt DANE inrichten: een met DNSSEC ondertekend TLSA-record (bij voorkeur 3 1 1) op _25._tcp.<mailserver>?',
      en: 'Please set up DANE for every mail server that receives mail for our domain: a TLSA record signed with DNSSEC (preferably 3 1 1) at _25._tcp.<mail server>.',
    },
    findings: {
      ...starttlsSubtestFindings,
      'no-tlsa': {
        nl: 'Geen bruikbare TLSA-records met DNSSEC voor deze mailserver.',
        en: 'No usable TLSA records with DNSSEC for this mail server.',
      },
      bogus: {
        nl: 'De TLSA-records (of het bewijs dat ze ontbreken) van deze mailserver hebben ongeldige DNSSEC-handtekeningen.',
        en: 'The TLSA records (or the proof that there are none) of this mail server have invalid DNSSEC signatures.',
      },
    },
  },
  'mail-starttls-dane-valid': {
    title: {
      nl: 'DANE geldig',
      en: 'DANE valid',
    },
    failureTitle: {
      nl: 'DANE niet geldig',
      en: 'DANE not valid',
    },
    explanation: {
      nl: 'We testen of het certificaat dat elke mailserver stuurt past bij een van zijn TLSA-records. Past geen enkel record, dan leveren verzenders die DANE gebruiken geen mail meer af.',
      en: 'We check that the certificate every mail server sends matches one of its TLSA records. If no record matches, senders that use DANE no longer deliver mail.',
    },
    advice: {
      nl: 'Werk de TLSA-records bij zodat ze passen bij het huidige certificaat of de huidige sleutel. Publiceer bij een certificaatwissel eerst het nieuwe TLSA-record, wacht de TTL af en vervang dan pas het certificaat.',
      en: 'Update the TLSA records so that they match the current certificate or key. When changing certificates, publish the new TLSA record first, wait out the TTL, and only then replace the certificate.',
    },
    supplier: {
      nl: 'De TLSA-records van onze mailserver passen niet bij het certificaat dat de server stuurt, waardoor mail via DANE niet wordt afgeleverd. Wilt u de TLSA-records of het certificaat met spoed in overeenstemming brengen?',
      en: 'The TLSA records of our mail server do not match the certificate the server sends, so mail through DANE is not delivered. Please bring the TLSA records and the certificate in line urgently.',
    },
    findings: {
      ...starttlsSubtestFindings,
      invalid: {
        nl: 'Geen enkel TLSA-record past bij de certificaatketen die deze mailserver stuurt.',
        en: 'No TLSA record matches the certificate chain this mail server sends.',
      },
    },
  },
  'mail-starttls-dane-rollover': {
    title: {
      nl: 'DANE-vervangingsschema aanwezig',
      en: 'DANE rollover scheme present',
    },
    failureTitle: {
      nl: 'Geen DANE-vervangingsschema',
      en: 'No DANE rollover scheme',
    },
    explanation: {
      nl: 'We testen of de TLSA-records van elke mailserver een veilige sleutelwissel mogelijk maken: minstens twee DANE-EE-records (3 x x), of DANE-EE naast DANE-TA (2 x x). Met één record gaat mail mis zodra het certificaat onverwacht moet worden vervangen.',
      en: 'We check that the TLSA records of every mail server allow a safe key rollover: at least two DANE-EE records (3 x x), or DANE-EE beside DANE-TA (2 x x). With a single record, mail fails as soon as the certificate has to be replaced unexpectedly.',
    },
    advice: {
      nl: 'Publiceer naast het huidige TLSA-record een tweede, bijvoorbeeld voor een reservesleutel ("3 1 1" van de volgende sleutel) of voor de uitgevende certificaatautoriteit ("2 1 1").',
      en: 'Publish a second TLSA record beside the current one, for example for a standby key ("3 1 1" of the next key) or for the issuing certificate authority ("2 1 1").',
    },
    supplier: {
      nl: 'Wilt u naast het huidige TLSA-record van onze mailservers een tweede publiceren (een reservesleutel of de uitgevende certificaatautoriteit), zodat een certificaatwissel de mail niet onderbreekt?',
      en: 'Please publish a second TLSA record beside the current one for our mail servers (a standby key or the issuing certificate authority), so that a certificate change does not interrupt mail.',
    },
    findings: {
      ...starttlsSubtestFindings,
      'no-rollover-scheme': {
        nl: 'De TLSA-records van deze mailserver maken geen veilige sleutelwissel mogelijk.',
        en: 'The TLSA records of this mail server do not allow a safe key rollover.',
      },
    },
  },
};
