import type { CheckCatalogue } from '../types.js';
import type { FindingTexts } from './shared.js';

/**
 * The DMARC parser's warnings the policy check reports as findings of their own
 * (`mail-auth-dmarc-policy.<code>`, parameters `tag` and `message`): faults receivers ignore.
 */
const dmarcWarningFindings: FindingTexts = {
  'empty-tag': {
    nl: "Het DMARC-record heeft twee puntkomma's zonder tag ertussen; ontvangers slaan die over.",
    en: 'The DMARC record has two semicolons with no tag between them; receivers skip it.',
  },
  'missing-p': {
    nl: 'Het DMARC-record heeft geen p-tag; ontvangers volgens RFC 9989 lezen het als "p=none".',
    en: 'The DMARC record has no p tag; receivers following RFC 9989 read it as "p=none".',
  },
  'p-not-first': {
    nl: 'De p-tag staat niet direct na "v=DMARC1", zoals RFC 7489 vraagt; zet hem vooraan voor oudere ontvangers.',
    en: 'The p tag does not follow "v=DMARC1" directly, as RFC 7489 asks; put it first for older receivers.',
  },
  'invalid-value': {
    nl: 'De waarde van tag {tag} is ongeldig; ontvangers negeren die tag.',
    en: 'The value of tag {tag} is invalid; receivers ignore the tag.',
  },
  'historic-tag': {
    nl: 'Tag {tag} is door RFC 9989 historisch verklaard; ontvangers die die RFC volgen negeren hem.',
    en: 'Tag {tag} was made historic by RFC 9989; receivers following that RFC ignore it.',
  },
  'newer-tag': {
    nl: 'Tag {tag} komt uit RFC 9989; ontvangers die nog RFC 7489 volgen negeren hem.',
    en: 'Tag {tag} comes from RFC 9989; receivers still following RFC 7489 ignore it.',
  },
  'fo-without-ruf': {
    nl: 'De fo-tag heeft geen effect zonder ruf-tag: er is geen adres voor foutrapporten.',
    en: 'The fo tag has no effect without a ruf tag: there is no address for failure reports.',
  },
  'partial-pct': {
    nl: 'Door pct onder 100 geldt het beleid maar voor een deel van de mail die de controle niet doorstaat.',
    en: 'With pct below 100, the policy applies to only part of the mail that fails the check.',
  },
  'unknown-report-format': {
    nl: 'De rf-tag noemt een onbekend rapportformaat; alleen "afrf" is geregistreerd.',
    en: 'The rf tag names an unknown report format; only "afrf" is registered.',
  },
  'uri-not-mailto': {
    nl: 'Een rapportadres in {tag} is geen mailto-URI; ontvangers hoeven alleen mailto te ondersteunen.',
    en: 'A report address in {tag} is not a mailto URI; receivers need only support mailto.',
  },
  'uri-size-limit': {
    nl: 'Een rapportadres in {tag} heeft een groottelimiet ("!"); RFC 9989 kent die niet meer.',
    en: 'A report address in {tag} has a size limit ("!"); RFC 9989 no longer defines it.',
  },
};

/** The messages of the mail test's DMARC checks: the record exists, and its policy protects. */
export const mailDmarcMessages: CheckCatalogue = {
  'mail-auth-dmarc-exist': {
    title: {
      nl: 'DMARC-record aanwezig',
      en: 'DMARC record present',
    },
    failureTitle: {
      nl: 'Geen (bruikbaar) DMARC-record',
      en: 'No (usable) DMARC record',
    },
    explanation: {
      nl: 'We testen of het maildomein precies één DMARC-record heeft, op _dmarc bij het domein of bij het organisatiedomein. Met DMARC vertelt een domein ontvangers wat ze moeten doen met mail die de SPF- en DKIM-controle niet doorstaat, en waar ze rapporten naartoe sturen.',
      en: 'We check that the mail domain has exactly one DMARC record, at _dmarc of the domain or of its organizational domain. With DMARC a domain tells receivers what to do with mail that fails the SPF and DKIM checks, and where to send reports.',
    },
    advice: {
      nl: 'Publiceer één TXT-record op _dmarc.<domein>, bijvoorbeeld "_dmarc.example.nl. TXT "v=DMARC1; p=none; rua=mailto:dmarc@example.nl"". Begin met p=none om rapporten te verzamelen en ga daarna naar quarantine of reject. Verwijder overbodige records als er meer dan één staat.',
      en: 'Publish one TXT record at _dmarc.<domain>, for example "_dmarc.example.nl. TXT "v=DMARC1; p=none; rua=mailto:dmarc@example.nl"". Start with p=none to collect reports, then move to quarantine or reject. Remove extra records if there is more than one.',
    },
    supplier: {
      nl: 'Wilt u voor ons maildomein precies één DMARC-record publiceren op _dmarc, met een rua-adres voor rapporten, zodat wij daarna naar een streng beleid kunnen gaan?',
      en: 'Please publish exactly one DMARC record at _dmarc for our mail domain, with a rua address for reports, so that we can move to a strict policy afterwards.',
    },
    findings: {
      inherited: {
        nl: 'Het domein heeft zelf geen DMARC-record; het record van {foundAt} geldt ({source}).',
        en: 'The domain has no DMARC record of its own; the record of {foundAt} applies ({source}).',
      },
      'multiple-records': {
        nl: '{name} heeft {count} DMARC-records. Ontvangers passen dan helemaal geen DMARC toe; laat er één over.',
        en: '{name} has {count} DMARC records. Receivers then apply no DMARC at all; keep one.',
      },
      'no-record': {
        nl: 'Geen DMARC-record gevonden (gezocht op {names}).',
        en: 'No DMARC record found (looked up {names}).',
      },
    },
  },
  'mail-auth-dmarc-policy': {
    title: {
      nl: 'DMARC-beleid voldoende streng',
      en: 'DMARC policy sufficiently strict',
    },
    failureTitle: {
      nl: 'DMARC-beleid niet voldoende streng',
      en: 'DMARC policy not sufficiently strict',
    },
    explanation: {
      nl: 'We testen of het DMARC-record foutloos is en een beleid van quarantine of reject heeft. Alleen dan weren ontvangers vervalste mail uit naam van het domein; met p=none verzamelt het domein alleen rapporten.',
      en: "We check that the DMARC record has no errors and a policy of quarantine or reject. Only then do receivers keep out forged mail in the domain's name; with p=none the domain only collects reports.",
    },
    advice: {
      nl: 'Zet het beleid op quarantine of reject zodra de rapporten laten zien dat alle echte mail SPF of DKIM doorstaat, bijvoorbeeld "v=DMARC1; p=reject; rua=mailto:dmarc@example.nl". Herstel syntaxfouten en laat externe rapportontvangers het ontvangen van rapporten toestaan met een record op <jouw-domein>._report._dmarc.<hun-domein>.',
      en: 'Set the policy to quarantine or reject once the reports show that all genuine mail passes SPF or DKIM, for example "v=DMARC1; p=reject; rua=mailto:dmarc@example.nl". Fix syntax errors, and have external report receivers authorize the reports with a record at <your-domain>._report._dmarc.<their-domain>.',
    },
    supplier: {
      nl: 'Wilt u het DMARC-beleid van ons maildomein op quarantine of reject zetten (of ons helpen daar veilig naartoe te gaan) en eventuele syntaxfouten in het record herstellen?',
      en: 'Please set the DMARC policy of our mail domain to quarantine or reject (or help us get there safely) and fix any syntax errors in the record.',
    },
    findings: {
      ...dmarcWarningFindings,
      'no-record': {
        nl: 'Niet getest: er is geen DMARC-record.',
        en: 'Not tested: there is no DMARC record.',
      },
      'syntax-error': {
        nl: 'Het DMARC-record bevat een fout ({code}): {message}.',
        en: 'The DMARC record has an error ({code}): {message}.',
      },
      'unknown-tag-refused': {
        nl: 'Het DMARC-record bevat een onbekende tag ({code}): {message}. Ontvangers negeren die, maar Internet.nl rekent hem als syntaxfout.',
        en: 'The DMARC record has an unknown tag ({code}): {message}. Receivers ignore it, but Internet.nl counts it as a syntax error.',
      },
      'no-policy': {
        nl: 'Het DMARC-record heeft geen beleid (p-tag).',
        en: 'The DMARC record has no policy (p tag).',
      },
      'policy-none': {
        nl: 'Het beleid is "none" ({tag}=none): ontvangers laten vervalste mail gewoon door.',
        en: 'The policy is "none" ({tag}=none): receivers let forged mail through.',
      },
      'test-mode-lowers': {
        nl: 'Door de testmodus (t=y) telt quarantine in de {tag}-tag als none, zodat het beleid niet beschermt.',
        en: 'Test mode (t=y) makes quarantine in the {tag} tag count as none, so the policy does not protect.',
      },
      'destination-not-checked': {
        nl: 'Niet gecontroleerd of rapportontvanger {host} rapporten voor dit domein toestaat.',
        en: 'Whether report receiver {host} authorizes reports for this domain was not checked.',
      },
      'external-unauthorized': {
        nl: 'Externe rapportontvanger {host} staat rapporten voor dit domein niet toe: er staat geen "v=DMARC1"-record op {name}.',
        en: 'External report receiver {host} does not authorize reports for this domain: there is no "v=DMARC1" record at {name}.',
      },
    },
  },
};
