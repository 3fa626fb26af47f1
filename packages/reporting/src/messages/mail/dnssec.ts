import type { CheckCatalogue } from '../types.js';
import { type FindingTexts, mailServerSituationFindings, noNullMxFinding } from './shared.js';

/** The findings of a DNSSEC subtest, one per DNSSEC state of the validated name (core's `judgeDnssec*`). */
const dnssecStateFindings: FindingTexts = {
  secure: {
    nl: '{name} is ondertekend met DNSSEC en de handtekeningen zijn geldig.',
    en: '{name} is signed with DNSSEC and its signatures are valid.',
  },
  insecure: {
    nl: '{name} is niet ondertekend met DNSSEC ({reason}).',
    en: '{name} is not signed with DNSSEC ({reason}).',
  },
  bogus: {
    nl: '{name} is ondertekend met DNSSEC, maar de handtekeningen zijn ongeldig ({reason}). Validerende resolvers geven dan geen antwoord.',
    en: '{name} is signed with DNSSEC, but its signatures are invalid ({reason}). Validating resolvers then give no answer.',
  },
  dnserror: {
    nl: 'Het opvragen van {name} gaf een DNS-fout ({reason}), dus DNSSEC kon niet worden beoordeeld.',
    en: 'Looking up {name} gave a DNS error ({reason}), so DNSSEC could not be judged.',
  },
  error: {
    nl: 'pastoe kon DNSSEC voor {name} niet valideren ({reason}); dit zegt niets over het domein.',
    en: 'pastoe could not validate DNSSEC for {name} ({reason}); this says nothing about the domain.',
  },
};

const signAdvice = {
  nl: 'Zet DNSSEC aan bij de DNS-hostingpartij (die ondertekent de zone) en laat de registrar het DS-record van de sleutel in de bovenliggende zone publiceren, bijvoorbeeld "example.nl. DS 12345 13 2 <hash>".',
  en: 'Turn DNSSEC on at the DNS host (which signs the zone) and have the registrar publish the DS record of the key in the parent zone, for example "example.nl. DS 12345 13 2 <hash>".',
};

const validAdvice = {
  nl: 'Herstel de ondertekening: vernieuw verlopen handtekeningen (laat de DNS-server automatisch ondertekenen) en zorg dat het DS-record bij de registrar past bij de sleutel waarmee de zone nu is ondertekend. Controleer het resultaat met een validerende resolver.',
  en: 'Repair the signing: renew expired signatures (let the DNS server sign automatically) and make sure the DS record at the registrar matches the key the zone is signed with now. Check the result with a validating resolver.',
};

/** The messages of the mail test's DNSSEC checks: the mail domain and its mail servers' domains. */
export const mailDnssecMessages: CheckCatalogue = {
  'mail-dnssec-exists': {
    title: {
      nl: 'Maildomein ondertekend met DNSSEC',
      en: 'Mail domain signed with DNSSEC',
    },
    failureTitle: {
      nl: 'Maildomein niet ondertekend met DNSSEC',
      en: 'Mail domain not signed with DNSSEC',
    },
    explanation: {
      nl: 'We testen of de zone van het maildomein met DNSSEC is ondertekend. Met DNSSEC kunnen verzenders controleren dat de MX-, SPF- en DMARC-records die ze ontvangen echt zijn en niet vervalst.',
      en: 'We check that the zone of the mail domain is signed with DNSSEC. With DNSSEC, senders can check that the MX, SPF and DMARC records they receive are genuine and not forged.',
    },
    advice: signAdvice,
    supplier: {
      nl: 'Ons maildomein is niet ondertekend met DNSSEC. Wilt u DNSSEC voor de zone aanzetten en het DS-record via de registrar laten publiceren?',
      en: 'Our mail domain is not signed with DNSSEC. Please turn DNSSEC on for the zone and have the DS record published through the registrar.',
    },
    findings: dnssecStateFindings,
  },
  'mail-dnssec-valid': {
    title: {
      nl: 'DNSSEC van het maildomein geldig',
      en: 'DNSSEC of the mail domain valid',
    },
    failureTitle: {
      nl: 'DNSSEC van het maildomein ongeldig',
      en: 'DNSSEC of the mail domain invalid',
    },
    explanation: {
      nl: 'We valideren de DNSSEC-handtekeningen van het maildomein vanaf de root. Bij ongeldige handtekeningen (bogus) weigeren validerende resolvers het antwoord, zodat mail het domein niet meer bereikt.',
      en: 'We validate the DNSSEC signatures of the mail domain from the root down. With invalid signatures (bogus), validating resolvers refuse the answer, so mail no longer reaches the domain.',
    },
    advice: validAdvice,
    supplier: {
      nl: 'De DNSSEC-handtekeningen van ons maildomein zijn ongeldig. Wilt u de ondertekening herstellen en controleren dat het DS-record bij de registrar past bij de huidige sleutel?',
      en: 'The DNSSEC signatures of our mail domain are invalid. Please repair the signing and check that the DS record at the registrar matches the current key.',
    },
    findings: dnssecStateFindings,
  },
  'mail-dnssec-mx-exists': {
    title: {
      nl: 'Domeinen van de mailservers ondertekend met DNSSEC',
      en: 'Domains of the mail servers signed with DNSSEC',
    },
    failureTitle: {
      nl: 'Niet alle domeinen van de mailservers ondertekend met DNSSEC',
      en: 'Not all domains of the mail servers signed with DNSSEC',
    },
    explanation: {
      nl: 'We testen of de naam van elke mailserver in de MX-records in een met DNSSEC ondertekende zone staat. Dat is nodig voor DANE: zonder DNSSEC kunnen verzenders de TLSA-records van de mailserver niet vertrouwen.',
      en: "We check that the name of every mail server in the MX records lies in a zone signed with DNSSEC. DANE needs this: without DNSSEC, senders cannot trust the mail server's TLSA records.",
    },
    advice: {
      nl: 'Laat de zone waarin de mailservers staan met DNSSEC ondertekenen. Staan ze bij een mailleverancier, vraag die dan om DNSSEC op het domein van de mailservers.',
      en: 'Have the zone the mail servers are in signed with DNSSEC. When they are hosted by a mail supplier, ask that supplier for DNSSEC on the domain of its mail servers.',
    },
    supplier: {
      nl: 'Het domein van uw mailservers is niet ondertekend met DNSSEC. Wilt u DNSSEC op dat domein aanzetten, zodat wij ook DANE kunnen gebruiken?',
      en: 'The domain of your mail servers is not signed with DNSSEC. Please turn DNSSEC on for that domain, so that we can use DANE as well.',
    },
    findings: { ...dnssecStateFindings, ...mailServerSituationFindings, ...noNullMxFinding },
  },
  'mail-dnssec-mx-valid': {
    title: {
      nl: 'DNSSEC van de mailserverdomeinen geldig',
      en: 'DNSSEC of the mail server domains valid',
    },
    failureTitle: {
      nl: 'DNSSEC van de mailserverdomeinen ongeldig',
      en: 'DNSSEC of the mail server domains invalid',
    },
    explanation: {
      nl: 'We valideren de DNSSEC-handtekeningen van de naam van elke mailserver vanaf de root. Bij ongeldige handtekeningen kunnen validerende verzenders de mailserver niet vinden en komt mail niet aan.',
      en: "We validate the DNSSEC signatures of every mail server's name from the root down. With invalid signatures, validating senders cannot find the mail server and mail does not arrive.",
    },
    advice: validAdvice,
    supplier: {
      nl: 'De DNSSEC-handtekeningen van het domein van uw mailservers zijn ongeldig. Wilt u de ondertekening herstellen?',
      en: "The DNSSEC signatures of your mail servers' domain are invalid. Please repair the signing.",
    },
    findings: dnssecStateFindings,
  },
};
