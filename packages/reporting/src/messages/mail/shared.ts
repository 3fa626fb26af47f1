import type { LocalText } from '../types.js';

/** Findings by id, the shape of `CheckMessages.findings`. */
export type FindingTexts = Readonly<Record<string, LocalText>>;

/**
 * The findings of a mail check that cannot judge mail servers because the domain has none: no MX
 * record, a Null MX (RFC 7505), a Null MX beside other MX records, or a Null MX on a domain
 * without addresses. The check ids them by situation (`<check>.no-mx`, ...).
 */
export const mailServerSituationFindings: FindingTexts = {
  'no-mx': {
    nl: 'Het domein heeft geen MX-record, dus er zijn geen mailservers om te testen.',
    en: 'The domain has no MX record, so there are no mail servers to test.',
  },
  'null-mx': {
    nl: 'Het domein heeft een Null MX-record (RFC 7505): het ontvangt geen mail, dus er zijn geen mailservers om te testen.',
    en: 'The domain has a Null MX record (RFC 7505): it accepts no mail, so there are no mail servers to test.',
  },
  'null-mx-with-other-mx': {
    nl: 'Het domein heeft een Null MX-record naast andere MX-records. Dat is tegenstrijdig: verwijder de Null MX als het domein mail ontvangt, of de andere MX-records als het geen mail ontvangt.',
    en: 'The domain has a Null MX record beside other MX records. That contradicts itself: remove the Null MX if the domain receives mail, or the other MX records if it does not.',
  },
  'null-mx-without-a-aaaa': {
    nl: 'Het domein heeft een Null MX-record maar geen A- of AAAA-record. Zonder adres probeert niemand mail af te leveren, dus de Null MX is niet nodig.',
    en: 'The domain has a Null MX record but no A or AAAA record. Without an address nobody tries to deliver mail there, so the Null MX is not needed.',
  },
};

/** pastoe's advice beside a no-MX result on a domain whose SPF record refuses all mail. */
export const noNullMxFinding: FindingTexts = {
  'no-null-mx': {
    nl: 'Het domein verstuurt en ontvangt geen mail (SPF-record "v=spf1 -all", geen MX) maar heeft wel een adres. Publiceer een Null MX-record ("MX 0 .") zodat verzenders meteen weten dat er geen mail kan worden afgeleverd.',
    en: 'The domain sends and receives no mail (SPF record "v=spf1 -all", no MX) but has an address. Publish a Null MX record ("MX 0 .") so that senders know at once that no mail can be delivered.',
  },
};

/** The findings every STARTTLS subtest judged per MX host can carry besides its own. */
export const perMailServerTlsFindings: FindingTexts = {
  'no-mail-servers': {
    nl: 'Niet getest: het domein heeft geen mailservers om te testen ({situation}).',
    en: 'Not tested: the domain has no mail servers to test ({situation}).',
  },
  'no-address': {
    nl: 'Mailserver {host} heeft geen IP-adres, dus de TLS-verbinding kon niet worden getest.',
    en: 'Mail server {host} has no IP address, so its TLS connection could not be tested.',
  },
};

/** The finding of a TLS subtest whose precondition failed (no TLS at all, a missing observation). */
const tlsNotTestedFinding: FindingTexts = {
  'not-tested': {
    nl: 'Niet getest op deze mailserver ({reason}).',
    en: 'Not tested on this mail server ({reason}).',
  },
};

/** Every finding a STARTTLS subtest judged per MX host with a core TLS evaluator can carry besides its own. */
export const starttlsSubtestFindings: FindingTexts = { ...perMailServerTlsFindings, ...tlsNotTestedFinding };
