import type { CheckCatalogue } from '../types.js';
import type { FindingTexts } from './shared.js';

/** The findings about a wildcard below `_domainkey`, which both DKIM checks report. */
const wildcardFindings: FindingTexts = {
  wildcard: {
    nl: 'Een wildcard beantwoordt namen onder _domainkey (de willekeurige naam {name} bestaat; TXT-records: {records}), dus een gevonden DKIM-record kan van de wildcard komen.',
    en: 'A wildcard answers names below _domainkey (the random name {name} exists; TXT records: {records}), so a DKIM record found may come from the wildcard.',
  },
  'wildcard-not-checked': {
    nl: 'Niet vastgesteld of een wildcard onder _domainkey antwoordt: het opvragen van {name} mislukte ({error}).',
    en: 'Whether a wildcard answers below _domainkey could not be told: looking up {name} failed ({error}).',
  },
};

/** The DKIM parser's warnings the selector check reports as findings (`<code>`, parameters `selector`, `name`, `message`). */
const dkimWarningFindings: FindingTexts = {
  'empty-tag': {
    nl: 'Het sleutelrecord van selector {selector} heeft een lege tag; verificateurs slaan die over.',
    en: 'The key record of selector {selector} has an empty tag; verifiers skip it.',
  },
  'rsa-public-key-format': {
    nl: 'Het sleutelrecord van selector {selector} geeft de RSA-sleutel in RSAPublicKey-vorm in plaats van SubjectPublicKeyInfo; niet elke verificateur leest die.',
    en: 'The key record of selector {selector} gives the RSA key as RSAPublicKey instead of SubjectPublicKeyInfo; not every verifier reads that.',
  },
  'unknown-hash': {
    nl: 'De h-tag van selector {selector} noemt een onbekend hashalgoritme; verificateurs negeren het.',
    en: 'The h tag of selector {selector} names an unknown hash algorithm; verifiers ignore it.',
  },
  'sha1-allowed': {
    nl: 'De h-tag van selector {selector} staat SHA-1 nog toe; RFC 8301 verbiedt ondertekenen en verifiëren met SHA-1.',
    en: 'The h tag of selector {selector} still allows SHA-1; RFC 8301 forbids signing and verifying with SHA-1.',
  },
  'unknown-flag': {
    nl: 'De t-tag van selector {selector} bevat een onbekende vlag; verificateurs negeren die.',
    en: 'The t tag of selector {selector} has an unknown flag; verifiers ignore it.',
  },
  'unknown-tag': {
    nl: 'Het sleutelrecord van selector {selector} bevat een onbekende tag; verificateurs negeren die.',
    en: 'The key record of selector {selector} has an unknown tag; verifiers ignore it.',
  },
};

/** The messages of the mail test's DKIM checks: DKIM exists, and the keys of given selectors. */
export const mailDkimMessages: CheckCatalogue = {
  'mail-auth-dkim-exist': {
    title: {
      nl: 'DKIM aanwezig',
      en: 'DKIM present',
    },
    failureTitle: {
      nl: 'DKIM niet aanwezig',
      en: 'DKIM not present',
    },
    explanation: {
      nl: 'We testen of het maildomein DKIM-sleutels publiceert onder _domainkey. Met DKIM ondertekent de verzendende server elke mail, zodat ontvangers kunnen zien dat de mail echt van het domein komt en onderweg niet is veranderd. Een domein dat aantoonbaar geen mail verstuurt, heeft geen DKIM nodig.',
      en: 'We check that the mail domain publishes DKIM keys below _domainkey. With DKIM the sending server signs every mail, so that receivers can see the mail really comes from the domain and was not changed on the way. A domain that demonstrably sends no mail needs no DKIM.',
    },
    advice: {
      nl: 'Zet DKIM-ondertekening aan op elke dienst die mail namens het domein verstuurt en publiceer de bijbehorende sleutel als TXT-record, bijvoorbeeld "selector1._domainkey.example.nl. TXT "v=DKIM1; k=rsa; p=MIIBIjANBg…"". Verstuurt het domein geen mail, publiceer dan "v=DMARC1; p=reject;" en "v=spf1 -all".',
      en: 'Turn DKIM signing on at every service that sends mail for the domain and publish its key as a TXT record, for example "selector1._domainkey.example.nl. TXT "v=DKIM1; k=rsa; p=MIIBIjANBg…"". If the domain sends no mail, publish "v=DMARC1; p=reject;" and "v=spf1 -all" instead.',
    },
    supplier: {
      nl: 'Wilt u DKIM-ondertekening aanzetten voor mail die u namens ons domein verstuurt, en ons de selector en het DKIM-record geven dat wij in onze DNS moeten publiceren?',
      en: 'Please turn DKIM signing on for mail you send for our domain, and give us the selector and the DKIM record we must publish in our DNS.',
    },
    findings: {
      ...wildcardFindings,
      'lookup-failed': {
        nl: 'Het opvragen van {name} mislukte ({error}), dus DKIM kon niet worden beoordeeld.',
        en: 'Looking up {name} failed ({error}), so DKIM could not be judged.',
      },
      'empty-non-terminal': {
        nl: '{name} bestaat maar heeft zelf geen records: er staan DKIM-sleutels onder (RFC 8020).',
        en: '{name} exists but has no records of its own: DKIM keys lie below it (RFC 8020).',
      },
      'non-sending': {
        nl: 'Het domein verstuurt volgens zijn DMARC- en SPF-records geen mail, dus DKIM is niet nodig.',
        en: 'By its DMARC and SPF records the domain sends no mail, so DKIM is not needed.',
      },
      'no-domainkey': {
        nl: '{name} bestaat niet: het domein publiceert geen DKIM-sleutels.',
        en: '{name} does not exist: the domain publishes no DKIM keys.',
      },
      'non-sending-incomplete': {
        nl: 'Het domein lijkt geen mail te willen versturen, maar dat staat maar half in DNS (DMARC: {dmarc}, SPF: {spf}). Een domein zonder mail heeft zowel "v=DMARC1; p=reject" als "v=spf1 -all" nodig.',
        en: 'The domain seems to want to send no mail, but DNS says so only halfway (DMARC: {dmarc}, SPF: {spf}). A domain without mail needs both "v=DMARC1; p=reject" and "v=spf1 -all".',
      },
    },
  },
  'mail-auth-dkim-selectors': {
    title: {
      nl: 'DKIM-sleutels van de opgegeven selectors in orde',
      en: 'DKIM keys of the given selectors in order',
    },
    failureTitle: {
      nl: 'DKIM-sleutels van de opgegeven selectors niet in orde',
      en: 'DKIM keys of the given selectors not in order',
    },
    explanation: {
      nl: 'We lezen het sleutelrecord van elke opgegeven DKIM-selector (<selector>._domainkey.<domein>). Een ontbrekend of foutief record, of een RSA-sleutel korter dan 1024 bits, maakt DKIM-handtekeningen onbruikbaar; sleutels korter dan 2048 bits zijn af te raden.',
      en: 'We read the key record of every given DKIM selector (<selector>._domainkey.<domain>). A missing or faulty record, or an RSA key shorter than 1024 bits, makes DKIM signatures unusable; keys shorter than 2048 bits are advised against.',
    },
    advice: {
      nl: 'Publiceer voor elke selector die je mail gebruikt één geldig sleutelrecord met een RSA-sleutel van minstens 2048 bits of een Ed25519-sleutel, bijvoorbeeld "v=DKIM1; k=rsa; p=<sleutel>". Verwijder t=y zodra DKIM werkt en ruim ingetrokken selectors op.',
      en: 'For every selector your mail uses, publish one valid key record with an RSA key of at least 2048 bits or an Ed25519 key, for example "v=DKIM1; k=rsa; p=<key>". Remove t=y once DKIM works, and clean up revoked selectors.',
    },
    supplier: {
      nl: 'Wilt u de DKIM-sleutels waarmee u namens ons domein ondertekent vervangen door RSA-sleutels van minstens 2048 bits (of Ed25519), en ons de nieuwe DKIM-records geven?',
      en: 'Please replace the DKIM keys you sign with for our domain by RSA keys of at least 2048 bits (or Ed25519), and give us the new DKIM records.',
    },
    findings: {
      ...wildcardFindings,
      ...dkimWarningFindings,
      'no-selectors': {
        nl: 'Niet getest: de scan kreeg geen DKIM-selectors om te controleren.',
        en: 'Not tested: the scan was given no DKIM selectors to check.',
      },
      'no-key-record': {
        nl: 'Selector {selector} heeft geen sleutelrecord op {name}.',
        en: 'Selector {selector} has no key record at {name}.',
      },
      'multiple-records': {
        nl: 'Selector {selector} heeft {count} sleutelrecords op {name}; verificateurs kunnen een willekeurige kiezen. Laat er één over.',
        en: 'Selector {selector} has {count} key records at {name}; verifiers may pick any of them. Keep one.',
      },
      'from-wildcard': {
        nl: 'Het sleutelrecord van selector {selector} op {name} komt van een wildcard, niet van een echte DKIM-sleutel.',
        en: 'The key record of selector {selector} at {name} comes from a wildcard, not from a real DKIM key.',
      },
      'syntax-error': {
        nl: 'Het sleutelrecord van selector {selector} op {name} bevat een fout ({code}): {message}.',
        en: 'The key record of selector {selector} at {name} has an error ({code}): {message}.',
      },
      revoked: {
        nl: 'De sleutel van selector {selector} is ingetrokken (lege p-tag).',
        en: 'The key of selector {selector} is revoked (empty p tag).',
      },
      'rsa-too-short': {
        nl: 'Selector {selector} heeft een RSA-sleutel van {bits} bits; sleutels korter dan 1024 bits worden niet geverifieerd (RFC 8301).',
        en: 'Selector {selector} has an RSA key of {bits} bits; keys shorter than 1024 bits are not verified (RFC 8301).',
      },
      'rsa-short': {
        nl: 'Selector {selector} heeft een RSA-sleutel van {bits} bits; gebruik minstens 2048 bits.',
        en: 'Selector {selector} has an RSA key of {bits} bits; use at least 2048 bits.',
      },
      'test-mode': {
        nl: 'Selector {selector} staat in testmodus (t=y): ontvangers behandelen niet-ondertekende mail dan niet anders.',
        en: 'Selector {selector} is in test mode (t=y): receivers then treat unsigned mail no differently.',
      },
      'no-usable-key': {
        nl: 'Geen enkele opgegeven selector heeft een bruikbare sleutel.',
        en: 'None of the given selectors has a usable key.',
      },
    },
  },
};
