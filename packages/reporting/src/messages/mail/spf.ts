import type { CheckCatalogue } from '../types.js';

/** The messages of the mail test's SPF checks: the record exists, its policy, and its void lookups. */
export const mailSpfMessages: CheckCatalogue = {
  'mail-auth-spf-exist': {
    title: {
      nl: 'SPF-record aanwezig',
      en: 'SPF record present',
    },
    failureTitle: {
      nl: 'Geen (bruikbaar) SPF-record',
      en: 'No (usable) SPF record',
    },
    explanation: {
      nl: 'We testen of het maildomein precies één SPF-record heeft. In SPF staat welke mailservers namens het domein mogen versturen, zodat ontvangers vervalste afzenders kunnen herkennen. Bij twee of meer SPF-records geldt er geen enkele.',
      en: 'We check that the mail domain has exactly one SPF record. SPF lists the mail servers that may send for the domain, so that receivers can spot forged senders. With two or more SPF records, none applies.',
    },
    advice: {
      nl: 'Publiceer één TXT-record dat begint met "v=spf1" en alle verzenders noemt, bijvoorbeeld "example.nl. TXT "v=spf1 mx include:_spf.leverancier.nl -all"". Voeg meerdere SPF-records samen tot één. Verstuurt het domein geen mail, gebruik dan "v=spf1 -all".',
      en: 'Publish one TXT record that starts with "v=spf1" and names every sender, for example "example.nl. TXT "v=spf1 mx include:_spf.supplier.example -all"". Merge several SPF records into one. If the domain sends no mail, use "v=spf1 -all".',
    },
    supplier: {
      nl: 'Wilt u voor ons maildomein precies één SPF-record publiceren dat alle servers noemt die namens ons mail versturen, en eindigt op "-all" of "~all"?',
      en: 'Please publish exactly one SPF record for our mail domain that names every server sending mail for us and ends in "-all" or "~all".',
    },
    findings: {
      'lookup-failed': {
        nl: 'Het opvragen van de TXT-records van het domein mislukte ({rcode}), dus SPF kon niet worden beoordeeld.',
        en: "Looking up the domain's TXT records failed ({rcode}), so SPF could not be judged.",
      },
      'no-record': {
        nl: 'Het domein heeft geen SPF-record (antwoord: {rcode}).',
        en: 'The domain has no SPF record (answer: {rcode}).',
      },
      'multiple-records': {
        nl: 'Het domein heeft {count} SPF-records; ontvangers geven dan een permerror en SPF geldt niet. Voeg ze samen tot één.',
        en: 'The domain has {count} SPF records; receivers then return permerror and SPF does not apply. Merge them into one.',
      },
    },
  },
  'mail-auth-spf-policy': {
    title: {
      nl: 'SPF-beleid voldoende streng',
      en: 'SPF policy sufficiently strict',
    },
    failureTitle: {
      nl: 'SPF-beleid niet voldoende streng',
      en: 'SPF policy not sufficiently strict',
    },
    explanation: {
      nl: 'We testen of het SPF-record een correcte syntax heeft, eindigt op "~all" of "-all", niet meer dan 10 DNS-opvragingen nodig heeft en alleen includes en redirects gebruikt die zelf in orde zijn. Anders beschermt SPF niet tegen vervalste afzenders of negeren ontvangers het.',
      en: 'We check that the SPF record has correct syntax, ends in "~all" or "-all", needs no more than 10 DNS lookups, and uses only includes and redirects that are sound themselves. Otherwise SPF does not protect against forged senders, or receivers ignore it.',
    },
    advice: {
      nl: 'Eindig het record op "-all" (of "~all"), nooit op "+all" of "?all". Blijf binnen 10 DNS-opvragingen door overbodige include-, a-, mx- en exists-termen weg te laten of includes te vervangen door ip4- en ip6-termen. Controleer dat elke include en redirect naar een bestaand, geldig SPF-record wijst.',
      en: 'End the record in "-all" (or "~all"), never in "+all" or "?all". Stay within 10 DNS lookups by dropping unneeded include, a, mx and exists terms, or by replacing includes with ip4 and ip6 terms. Check that every include and redirect points to an existing, valid SPF record.',
    },
    supplier: {
      nl: 'Wilt u het SPF-record van ons maildomein laten eindigen op "-all" of "~all", binnen 10 DNS-opvragingen houden, en controleren dat elke include naar een geldig SPF-record wijst?',
      en: 'Please make the SPF record of our mail domain end in "-all" or "~all", keep it within 10 DNS lookups, and check that every include points to a valid SPF record.',
    },
    findings: {
      'no-single-record': {
        nl: 'Niet getest: het domein heeft niet precies één SPF-record.',
        en: 'Not tested: the domain does not have exactly one SPF record.',
      },
      'target-unanswered': {
        nl: 'Het SPF-record van {domain} (via include of redirect) kon niet worden gelezen, dus het beleid kon niet worden beoordeeld.',
        en: 'The SPF record of {domain} (through include or redirect) could not be read, so the policy could not be judged.',
      },
      'lookup-count': {
        nl: 'Internet.nl telt {internetnl} DNS-opvragingen; volgens RFC 7208, die elke term meetelt, zijn het er {rfc}.',
        en: 'Internet.nl counts {internetnl} DNS lookups; by RFC 7208, which counts every term, there are {rfc}.',
      },
      'rfc-lookup-limit': {
        nl: 'Volgens RFC 7208 vraagt het record {rfc} DNS-opvragingen, meer dan de grens van 10: ontvangers kunnen een permerror geven.',
        en: 'By RFC 7208 the record needs {rfc} DNS lookups, more than the limit of 10: receivers may return permerror.',
      },
      'graph-truncated': {
        nl: 'pastoe heeft niet alle includes en redirects gevolgd (te veel records); het oordeel rust op het deel dat is gelezen.',
        en: 'pastoe did not follow every include and redirect (too many records); the verdict rests on the part that was read.',
      },
      record: {
        nl: 'SPF-record van {domain}: {record}',
        en: 'SPF record of {domain}: {record}',
      },
    },
  },
  'mail-auth-spf-void-lookups': {
    title: {
      nl: 'SPF binnen de grens van lege DNS-opvragingen',
      en: 'SPF within the limit of void DNS lookups',
    },
    failureTitle: {
      nl: 'SPF boven de grens van lege DNS-opvragingen',
      en: 'SPF over the limit of void DNS lookups',
    },
    explanation: {
      nl: 'We evalueren het SPF-record zoals een ontvanger dat doet en tellen de lege opvragingen: namen in a-, mx-, ptr- of exists-termen die niet bestaan of geen records hebben. Bij meer dan twee geeft de ontvanger een permerror (RFC 7208 §4.6.4) en beschermt SPF niets meer.',
      en: 'We evaluate the SPF record as a receiver does and count the void lookups: names in a, mx, ptr or exists terms that do not exist or hold no records. With more than two, the receiver returns permerror (RFC 7208 §4.6.4) and SPF protects nothing.',
    },
    advice: {
      nl: 'Verwijder termen die naar namen zonder records wijzen, bijvoorbeeld een "a:oud.example.nl" of "include:" van een dienst die niet meer bestaat, zodat er hooguit twee lege opvragingen overblijven.',
      en: 'Remove terms that point to names without records, for example an "a:old.example.nl" or an "include:" of a service that no longer exists, so that at most two void lookups remain.',
    },
    supplier: {
      nl: 'Ons SPF-record verwijst naar namen die niet (meer) bestaan, waardoor ontvangers een permerror kunnen geven. Wilt u die termen uit het SPF-record verwijderen?',
      en: 'Our SPF record points to names that do not exist (any more), so receivers may return permerror. Please remove those terms from the SPF record.',
    },
    findings: {
      'lookup-failed': {
        nl: 'Het opvragen van het SPF-record van {domain} mislukte, dus de lege opvragingen konden niet worden geteld.',
        en: 'Looking up the SPF record of {domain} failed, so the void lookups could not be counted.',
      },
      'no-single-record': {
        nl: 'Niet getest: het domein heeft niet precies één SPF-record.',
        en: 'Not tested: the domain does not have exactly one SPF record.',
      },
      'evaluation-failed': {
        nl: 'De SPF-evaluatie stopte door een DNS-fout ({reason}).',
        en: 'The SPF evaluation stopped on a DNS error ({reason}).',
      },
      'void-lookup': {
        nl: 'Lege opvraging: {name} (uit het SPF-record van {record}).',
        en: 'Void lookup: {name} (from the SPF record of {record}).',
      },
      'too-many': {
        nl: 'De SPF-evaluatie doet {count} lege opvragingen; de grens is {limit}.',
        en: 'The SPF evaluation makes {count} void lookups; the limit is {limit}.',
      },
      'evaluation-stopped': {
        nl: 'Niet getest: de SPF-evaluatie eindigde eerder met {result} ({reason}), dus niet alle lege opvragingen zijn gedaan.',
        en: 'Not tested: the SPF evaluation ended earlier with {result} ({reason}), so not all void lookups were made.',
      },
    },
  },
};
