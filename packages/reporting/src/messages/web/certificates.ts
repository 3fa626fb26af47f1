import type { CheckCatalogue, LocalText } from '../types.js';
import { tlsNotTestedFindings } from './shared.js';

/** `unparsable-certificate`: the key and signature checks could not read some certificates. */
const unparsable: LocalText = {
  nl: '{count} certificaat/certificaten in de keten ({source}) kon pastoe niet lezen.',
  en: 'pastoe could not read {count} certificate(s) in the chain ({source}).',
};

/** `dane-*.not-tested`: DANE is judged only at an address that answered TLS. */
const daneFindings: Readonly<Record<string, LocalText>> = {
  ...tlsNotTestedFindings,
  'not-tested': {
    nl: 'Niet getest op dit adres ({reason}): er kwam geen TLS-verbinding tot stand.',
    en: 'Not tested at this address ({reason}): no TLS connection could be made.',
  },
};

/** The messages of the website test's certificate, DANE and CAA checks. */
export const webCertificateMessages: CheckCatalogue = {
  'web-https-cert-trust': {
    title: { nl: 'Vertrouwensketen van certificaat', en: 'Trust chain of certificate' },
    failureTitle: { nl: 'Certificaat niet vertrouwd', en: 'Certificate not trusted' },
    explanation: {
      nl: 'Deze test kijkt of het certificaat van de website met de meegestuurde tussencertificaten naar een vertrouwde uitgever leidt. Een browser waarschuwt bij een onvertrouwd certificaat, en bezoekers kunnen dan niet zien of ze met de echte website praten.',
      en: 'This test checks that the website’s certificate, with the intermediate certificates sent along, leads to a trusted issuer. A browser warns about an untrusted certificate, and visitors then cannot tell whether they talk to the real website.',
    },
    advice: {
      nl: 'Gebruik een certificaat van een publiek vertrouwde uitgever, houd het geldig (automatisch verlengen via ACME helpt) en stuur de volledige keten mee: het eigen certificaat plus alle tussencertificaten (in nginx: het fullchain-bestand als ssl_certificate).',
      en: 'Use a certificate from a publicly trusted issuer, keep it valid (renewing automatically through ACME helps) and send the full chain: the certificate plus every intermediate certificate (in nginx: the fullchain file as ssl_certificate).',
    },
    supplier: {
      nl: 'Het certificaat van onze website wordt niet vertrouwd (verlopen, onvolledige keten of onbekende uitgever). Wilt u een geldig certificaat van een vertrouwde uitgever installeren, met de volledige keten?',
      en: 'Our website’s certificate is not trusted (expired, incomplete chain or unknown issuer). Please install a valid certificate from a trusted issuer, with the full chain.',
    },
    findings: {
      ...tlsNotTestedFindings,
      untrusted: { nl: 'De certificaatketen is niet te vertrouwen: {error}.', en: 'The certificate chain cannot be trusted: {error}.' },
      'no-chain': { nl: 'Niet getest: de server stuurde geen certificaat.', en: 'Not tested: the server sent no certificate.' },
      'outside-validity': {
        nl: 'Certificaat {certificate} is niet geldig op dit moment (geldig van {notBefore} tot {notAfter}).',
        en: 'Certificate {certificate} is not valid now (valid from {notBefore} to {notAfter}).',
      },
    },
  },
  'web-https-cert-pubkey': {
    title: { nl: 'Publieke sleutel van certificaat', en: 'Public key of certificate' },
    failureTitle: { nl: 'Zwakke publieke sleutel van certificaat', en: 'Weak public key of certificate' },
    explanation: {
      nl: 'Deze test kijkt of de sleutels in de certificaten van de website sterk genoeg zijn volgens de NCSC-richtlijnen. Met een te korte sleutel kan een aanvaller het certificaat nabootsen.',
      en: 'This test checks that the keys in the website’s certificates are strong enough under the NCSC guidelines. With a key that is too short an attacker can impersonate the certificate.',
    },
    advice: {
      nl: 'Vraag een nieuw certificaat aan met een ECDSA-sleutel op P-256 of P-384, of een RSA-sleutel van ten minste 3072 bits (2048 bits moet worden uitgefaseerd).',
      en: 'Request a new certificate with an ECDSA key on P-256 or P-384, or an RSA key of at least 3072 bits (2048 bits is to be phased out).',
    },
    supplier: {
      nl: 'Het certificaat van onze website gebruikt een te zwakke sleutel. Wilt u een nieuw certificaat aanvragen met een ECDSA-sleutel (P-256) of een RSA-sleutel van ten minste 3072 bits?',
      en: 'Our website’s certificate uses a key that is too weak. Please request a new certificate with an ECDSA key (P-256) or an RSA key of at least 3072 bits.',
    },
    findings: {
      ...tlsNotTestedFindings,
      'insufficient-key': {
        nl: 'Certificaat {certificate} heeft een onvoldoende sterke sleutel ({key}).',
        en: 'Certificate {certificate} has an insufficient key ({key}).',
      },
      'phase-out-key': {
        nl: 'De sleutel van certificaat {certificate} ({key}) moet worden uitgefaseerd.',
        en: 'The key of certificate {certificate} ({key}) is to be phased out.',
      },
      'eddsa-key': {
        nl: 'Certificaat {certificate} heeft een {key}-sleutel; Internet.nl rekent die onvoldoende, pastoe voldoende.',
        en: 'Certificate {certificate} has a {key} key; Internet.nl counts it insufficient, pastoe sufficient.',
      },
      'unparsable-certificate': unparsable,
    },
  },
  'web-https-cert-sig': {
    title: { nl: 'Handtekening op certificaat', en: 'Signature of certificate' },
    failureTitle: { nl: 'Zwakke handtekening van certificaat', en: 'Weak signature of certificate' },
    explanation: {
      nl: 'Deze test kijkt of de certificaten van de website zijn ondertekend met een veilige hashfunctie (SHA-256 of beter). Een handtekening met SHA-1 of MD5 kan worden vervalst.',
      en: 'This test checks that the website’s certificates are signed with a secure hash function (SHA-256 or better). A signature with SHA-1 or MD5 can be forged.',
    },
    advice: {
      nl: 'Vervang het certificaat (en tussencertificaten) door exemplaren die met SHA-256 of beter zijn ondertekend; elke publieke uitgever levert die.',
      en: 'Replace the certificate (and intermediates) with ones signed with SHA-256 or better; every public issuer provides those.',
    },
    supplier: {
      nl: 'Een certificaat van onze website is ondertekend met een verouderde hashfunctie. Wilt u het vervangen door een certificaat met een SHA-256-handtekening?',
      en: 'A certificate of our website is signed with an outdated hash function. Please replace it with a certificate with a SHA-256 signature.',
    },
    findings: {
      ...tlsNotTestedFindings,
      'insufficient-signature': {
        nl: 'Certificaat {certificate} is ondertekend met {algorithm}, dat onvoldoende veilig is.',
        en: 'Certificate {certificate} is signed with {algorithm}, which is insufficient.',
      },
      'phase-out-signature': {
        nl: 'Certificaat {certificate} is ondertekend met {algorithm}, dat moet worden uitgefaseerd.',
        en: 'Certificate {certificate} is signed with {algorithm}, which is to be phased out.',
      },
      'rsassa-pss-signature': {
        nl: 'Certificaat {certificate} is ondertekend met RSASSA-PSS ({hash}); Internet.nl rekent dat onvoldoende, pastoe beoordeelt de hash.',
        en: 'Certificate {certificate} is signed with RSASSA-PSS ({hash}); Internet.nl counts that insufficient, pastoe judges the hash.',
      },
      'unparsable-certificate': unparsable,
    },
  },
  'web-https-cert-domain': {
    title: { nl: 'Domeinnaam op certificaat', en: 'Domain name on certificate' },
    failureTitle: { nl: 'Domeinnaam niet op certificaat', en: 'Domain name not on certificate' },
    explanation: {
      nl: 'Deze test kijkt of het certificaat geldig is voor de domeinnaam van de website (in de subjectAltName). Anders toont de browser een waarschuwing en weet de bezoeker niet of hij op de juiste website is.',
      en: 'This test checks that the certificate is valid for the website’s domain name (in the subjectAltName). Otherwise the browser shows a warning and the visitor cannot tell whether it is the right website.',
    },
    advice: {
      nl: 'Vraag een certificaat aan dat de domeinnaam (en eventueel www.) in de subjectAltName noemt, en installeer het op elk adres van de website.',
      en: 'Request a certificate that names the domain (and www. if used) in the subjectAltName, and install it on every address of the website.',
    },
    supplier: {
      nl: 'Het certificaat van onze website is niet geldig voor onze domeinnaam. Wilt u een certificaat installeren waarin de domeinnaam in de subjectAltName staat?',
      en: 'Our website’s certificate is not valid for our domain name. Please install a certificate that lists the domain name in the subjectAltName.',
    },
    findings: {
      ...tlsNotTestedFindings,
      mismatch: {
        nl: 'Certificaat {certificate} is niet geldig voor {host}.',
        en: 'Certificate {certificate} is not valid for {host}.',
      },
    },
  },
  'web-https-dane-exist': {
    title: { nl: 'DANE aanwezig', en: 'DANE exists' },
    failureTitle: { nl: 'DANE ontbreekt', en: 'DANE missing' },
    explanation: {
      nl: 'Deze test kijkt of het domein met DNSSEC beveiligde TLSA-records voor HTTPS publiceert (op _443._tcp). Met DANE kan een client het certificaat controleren zonder alleen op certificaatuitgevers te vertrouwen.',
      en: 'This test checks that the domain publishes DNSSEC-secured TLSA records for HTTPS (at _443._tcp). With DANE a client can check the certificate without relying on certificate authorities alone.',
    },
    advice: {
      nl: 'Onderteken het domein met DNSSEC en publiceer een TLSA-record voor de sleutel van het certificaat, bijvoorbeeld: _443._tcp.example.nl. TLSA 3 1 1 <SHA-256 van de publieke sleutel>.',
      en: 'Sign the domain with DNSSEC and publish a TLSA record for the certificate’s key, for example: _443._tcp.example.nl. TLSA 3 1 1 <SHA-256 of the public key>.',
    },
    supplier: {
      nl: 'Ons domein publiceert geen (geldig ondertekende) TLSA-records voor de website. Wilt u DANE voor HTTPS inrichten, met DNSSEC?',
      en: 'Our domain publishes no (validly signed) TLSA records for the website. Please set up DANE for HTTPS, with DNSSEC.',
    },
    findings: {
      ...daneFindings,
      'no-tlsa': {
        nl: 'Er zijn geen TLSA-records voor HTTPS, of ze staan in een niet-ondertekende zone.',
        en: 'There are no TLSA records for HTTPS, or they are in an unsigned zone.',
      },
      bogus: {
        nl: 'De DNSSEC-handtekeningen van de TLSA-records (of van hun ontkenning) zijn ongeldig.',
        en: 'The DNSSEC signatures of the TLSA records (or of their denial) do not validate.',
      },
    },
  },
  'web-https-dane-valid': {
    title: { nl: 'DANE-geldigheid', en: 'DANE validity' },
    failureTitle: { nl: 'DANE ongeldig', en: 'DANE invalid' },
    explanation: {
      nl: 'Deze test kijkt of het certificaat dat de website stuurt overeenkomt met de TLSA-records van het domein. Klopt dat niet, dan weigeren clients die DANE controleren de verbinding.',
      en: 'This test checks that the certificate the website sends matches the domain’s TLSA records. If it does not, clients that check DANE refuse the connection.',
    },
    advice: {
      nl: 'Werk de TLSA-records bij wanneer het certificaat of de sleutel wisselt: publiceer het nieuwe record vóór de wissel en verwijder het oude erna. Een 3 1 1-record op de publieke sleutel overleeft verlenging met dezelfde sleutel.',
      en: 'Update the TLSA records when the certificate or key changes: publish the new record before the change and remove the old one after. A 3 1 1 record on the public key survives renewal with the same key.',
    },
    supplier: {
      nl: 'De TLSA-records van ons domein komen niet overeen met het certificaat van de website. Wilt u de TLSA-records bijwerken naar het huidige certificaat?',
      en: 'Our domain’s TLSA records do not match the website’s certificate. Please update the TLSA records to the current certificate.',
    },
    findings: {
      ...daneFindings,
      invalid: {
        nl: 'Geen van de TLSA-records komt overeen met de certificaatketen die de server stuurt.',
        en: 'None of the TLSA records matches the certificate chain the server sends.',
      },
    },
  },
  'web-https-tls-caa': {
    title: { nl: 'CAA aanwezig', en: 'CAA exists' },
    failureTitle: { nl: 'CAA ontbreekt of is ongeldig', en: 'CAA missing or invalid' },
    explanation: {
      nl: 'Deze test kijkt of het domein CAA-records heeft die zeggen welke certificaatuitgevers certificaten voor het domein mogen uitgeven. Dat verkleint de kans dat een andere uitgever ten onrechte een certificaat uitgeeft.',
      en: 'This test checks that the domain has CAA records saying which certificate authorities may issue certificates for it. That lowers the chance that another authority issues a certificate wrongly.',
    },
    advice: {
      nl: 'Publiceer een CAA-record met de property issue voor elke uitgever die u gebruikt, bijvoorbeeld: example.nl. CAA 0 issue "letsencrypt.org"',
      en: 'Publish a CAA record with the issue property for every authority you use, for example: example.nl. CAA 0 issue "letsencrypt.org"',
    },
    supplier: {
      nl: 'Ons domein heeft geen geldige CAA-records. Wilt u een CAA-record met de property issue publiceren voor de certificaatuitgever die wij gebruiken?',
      en: 'Our domain has no valid CAA records. Please publish a CAA record with the issue property for the certificate authority we use.',
    },
    findings: {
      'no-certificate': {
        nl: 'Niet getest: de website stuurde geen certificaat.',
        en: 'Not tested: the website sent no certificate.',
      },
      'no-caa': { nl: 'Er zijn geen CAA-records gevonden.', en: 'No CAA records were found.' },
      'missing-required-property-issue': {
        nl: 'Geen CAA-record heeft de property {property_tag}.',
        en: 'No CAA record has the {property_tag} property.',
      },
      'issue-tag-case': {
        nl: 'De property {property_tag} is met hoofdletters geschreven; Internet.nl herkent haar dan niet.',
        en: 'The {property_tag} property is written in capitals; Internet.nl does not recognise it then.',
      },
      'invalid-property-syntax': {
        nl: 'De waarde van property {property_name} is ongeldig: {property_value}',
        en: 'The value of property {property_name} is invalid: {property_value}',
      },
      'invalid-property-issue-validation-method': {
        nl: 'Onbekende validatiemethode in validationmethods: {value}',
        en: 'Unknown validation method in validationmethods: {value}',
      },
      'invalid-property-iodef-value': {
        nl: 'De iodef-waarde is geen geldige https:- of mailto:-URL: {value}',
        en: 'The iodef value is not a valid https: or mailto: URL: {value}',
      },
      'invalid-property-contactemail-value': {
        nl: 'De contactemail-waarde is geen geldig e-mailadres: {value}',
        en: 'The contactemail value is not a valid e-mail address: {value}',
      },
      'invalid-flags-reserved-bits': {
        nl: 'De flags-waarde {value} zet gereserveerde bits.',
        en: 'The flags value {value} sets reserved bits.',
      },
      'invalid-unknown-property': { nl: 'Onbekende CAA-property {property_tag}.', en: 'Unknown CAA property {property_tag}.' },
      'invalid-reserved-property': {
        nl: 'De CAA-property {property_tag} is gereserveerd en mag niet worden gebruikt.',
        en: 'The CAA property {property_tag} is reserved and must not be used.',
      },
    },
  },
};
