import type { CheckCatalogue, LocalText } from '../types.js';
import { noAddressFindings } from './shared.js';

/** What the retrieval, the RFC 9116 validation and the signature check of security.txt can find, by code. */
const securityTxtFindings: Readonly<Record<string, LocalText>> = {
  ...noAddressFindings,
  unreachable: {
    nl: 'Niet getest: de website was op dit adres niet bereikbaar.',
    en: 'Not tested: the website was not reachable at this address.',
  },
  empty: { nl: 'Het bestand security.txt is leeg.', en: 'The security.txt file is empty.' },
  // Retrieval.
  no_security_txt_404: {
    nl: 'Er is geen security.txt gevonden op /.well-known/security.txt.',
    en: 'No security.txt was found at /.well-known/security.txt.',
  },
  no_security_txt_other: {
    nl: 'security.txt kon niet worden opgehaald (HTTP-status {status}).',
    en: 'security.txt could not be fetched (HTTP status {status}).',
  },
  no_content_type: { nl: 'security.txt wordt zonder Content-Type geserveerd.', en: 'security.txt is served without a Content-Type.' },
  invalid_media: {
    nl: 'security.txt wordt niet als text/plain geserveerd.',
    en: 'security.txt is not served as text/plain.',
  },
  invalid_charset: {
    nl: 'security.txt wordt met een andere tekenset dan utf-8 geserveerd.',
    en: 'security.txt is served with a charset other than utf-8.',
  },
  location: {
    nl: 'security.txt staat alleen op de oude plek /security.txt en niet op /.well-known/security.txt.',
    en: 'security.txt is only at the old location /security.txt, not at /.well-known/security.txt.',
  },
  // Errors.
  no_expire: { nl: 'Het veld Expires ontbreekt.', en: 'The Expires field is missing.' },
  multi_expire: { nl: 'Het veld Expires staat er meer dan eens in.', en: 'The Expires field appears more than once.' },
  invalid_expiry: {
    nl: 'De datum in Expires heeft niet de vorm uit RFC 3339 (bijvoorbeeld 2027-01-01T00:00:00Z).',
    en: 'The date in Expires is not in RFC 3339 form (for example 2027-01-01T00:00:00Z).',
  },
  expired: { nl: 'De datum in Expires ligt in het verleden.', en: 'The date in Expires is in the past.' },
  no_contact: { nl: 'Het veld Contact ontbreekt.', en: 'The Contact field is missing.' },
  no_canonical_match: {
    nl: 'Het adres van het bestand komt niet overeen met een Canonical-veld.',
    en: 'The file’s address matches no Canonical field.',
  },
  multi_lang: {
    nl: 'Het veld Preferred-Languages staat er meer dan eens in.',
    en: 'The Preferred-Languages field appears more than once.',
  },
  invalid_lang: {
    nl: 'Preferred-Languages bevat geen geldige taalcodes, gescheiden door komma’s.',
    en: 'Preferred-Languages does not hold valid language tags separated by commas.',
  },
  no_uri: {
    nl: 'Een veldwaarde is geen URI (zoals mailto: of https://).',
    en: 'A field value is not a URI (such as mailto: or https://).',
  },
  no_https: { nl: 'Een webadres begint niet met https://.', en: 'A web address does not begin with https://.' },
  prec_ws: { nl: 'Er staat witruimte vóór de dubbele punt van een veld.', en: 'There is whitespace before a field’s colon.' },
  no_space: { nl: 'Na de dubbele punt van een veld staat geen spatie.', en: 'A field’s colon is not followed by a space.' },
  empty_key: { nl: 'Een veldnaam is leeg.', en: 'A field name is empty.' },
  empty_value: { nl: 'Een veldwaarde is leeg.', en: 'A field value is empty.' },
  invalid_line: {
    nl: 'Een regel is geen veld, lege regel of commentaar.',
    en: 'A line is not a field, a blank line or a comment.',
  },
  no_line_separators: { nl: 'Niet elke regel eindigt met een regeleinde.', en: 'Not every line ends with a line break.' },
  signed_format_issue: {
    nl: 'Het ondertekende bestand volgt het formaat voor OpenPGP-ondertekende tekst niet.',
    en: 'The signed file does not follow the OpenPGP cleartext signature format.',
  },
  data_after_sig: { nl: 'Na de handtekening staat nog tekst.', en: 'There is text after the signature.' },
  pgp_data_error: {
    nl: 'Het handtekeningblok is geen correcte ASCII-armored OpenPGP-data.',
    en: 'The signature block is not correct ASCII-armored OpenPGP data.',
  },
  pgp_error: { nl: 'De handtekening is geen leesbare OpenPGP-handtekening.', en: 'The signature is not a readable OpenPGP signature.' },
  bom_in_file: { nl: 'Het bestand begint met een byte order mark (BOM).', en: 'The file starts with a byte order mark (BOM).' },
  utf8: { nl: 'Het bestand is niet in UTF-8 gecodeerd.', en: 'The file is not UTF-8 encoded.' },
  no_csaf_file: {
    nl: 'Een CSAF-veld verwijst niet naar een provider-metadata.json-bestand.',
    en: 'A CSAF field does not link to a provider-metadata.json file.',
  },
  // Recommendations and notifications.
  long_expiry: {
    nl: 'De datum in Expires ligt meer dan een jaar in de toekomst; houd het bestand actueel met een kortere termijn.',
    en: 'The date in Expires is more than a year ahead; keep the file current with a shorter term.',
  },
  no_encryption: {
    nl: 'Contact bevat een e-mailadres maar er is geen Encryption-veld met een sleutel om versleuteld te melden.',
    en: 'Contact holds an e-mail address but there is no Encryption field with a key for encrypted reports.',
  },
  not_signed: {
    nl: 'Het bestand is niet digitaal ondertekend (OpenPGP).',
    en: 'The file is not digitally signed (OpenPGP).',
  },
  no_canonical: { nl: 'Het ondertekende bestand heeft geen Canonical-veld.', en: 'The signed file has no Canonical field.' },
  multiple_csaf_fields: { nl: 'Er staat meer dan één CSAF-veld in.', en: 'There is more than one CSAF field.' },
  unknown_field: { nl: 'Het bestand bevat een veld dat RFC 9116 niet kent.', en: 'The file holds a field RFC 9116 does not define.' },
  // pastoe's own notes: the signature check with a configured key, and how the file was fetched.
  'signature-valid': {
    nl: 'De handtekening klopt met de ingestelde sleutel.',
    en: 'The signature verifies with the configured key.',
  },
  'signature-invalid': {
    nl: 'De handtekening klopt niet met de ingestelde sleutel: de tekst is gewijzigd of een andere sleutel heeft ondertekend.',
    en: 'The signature does not verify with the configured key: the text was changed or another key signed it.',
  },
  'signature-no-signature': {
    nl: 'Er is een sleutel ingesteld, maar het bestand heeft geen leesbare handtekening.',
    en: 'A key is configured, but the file has no readable signature.',
  },
  'signature-bad-key': {
    nl: 'De ingestelde sleutel is geen OpenPGP-sleutel die pastoe kan lezen.',
    en: 'The configured key is not an OpenPGP key pastoe can read.',
  },
  'signature-unknown-key': {
    nl: 'De handtekening is gezet met een andere sleutel dan de ingestelde.',
    en: 'The signature was made with a key other than the configured one.',
  },
  'signature-unsupported': {
    nl: 'pastoe kan dit soort handtekening (versie of algoritme) niet controleren.',
    en: 'pastoe cannot verify this kind of signature (version or algorithm).',
  },
  'redirect-to-http': {
    nl: 'Bij het ophalen werd doorverwezen naar onversleuteld HTTP.',
    en: 'Fetching the file redirected to unencrypted HTTP.',
  },
  'untrusted-certificate': {
    nl: 'Het certificaat van de server die security.txt leverde, is niet vertrouwd.',
    en: 'The certificate of the server that served security.txt is not trusted.',
  },
};

/** The messages of the website test's security.txt check. */
export const webSecurityTxtMessages: CheckCatalogue = {
  'web-appsecpriv-securitytxt': {
    title: { nl: 'security.txt', en: 'security.txt' },
    failureTitle: { nl: 'security.txt ontbreekt of is ongeldig', en: 'security.txt missing or invalid' },
    explanation: {
      nl: 'Deze test kijkt of de website een geldig security.txt-bestand (RFC 9116) publiceert. Daarin staat hoe iemand die een kwetsbaarheid vindt de organisatie kan bereiken, zodat meldingen op de goede plek terechtkomen.',
      en: 'This test checks that the website publishes a valid security.txt file (RFC 9116). It says how someone who finds a vulnerability can reach the organisation, so that reports reach the right place.',
    },
    advice: {
      nl: 'Publiceer /.well-known/security.txt als text/plain; charset=utf-8 met ten minste Contact en Expires (minder dan een jaar vooruit), bijvoorbeeld: Contact: mailto:security@example.nl en Expires: 2027-01-01T00:00:00Z. Voeg bij voorkeur Canonical en Preferred-Languages toe en onderteken het bestand.',
      en: 'Publish /.well-known/security.txt as text/plain; charset=utf-8 with at least Contact and Expires (less than a year ahead), for example: Contact: mailto:security@example.nl and Expires: 2027-01-01T00:00:00Z. Preferably add Canonical and Preferred-Languages and sign the file.',
    },
    supplier: {
      nl: 'Onze website heeft geen geldig security.txt-bestand. Wilt u ons bestand op /.well-known/security.txt plaatsen, als text/plain, en zorgen dat het bereikbaar blijft?',
      en: 'Our website has no valid security.txt file. Please put our file at /.well-known/security.txt, served as text/plain, and keep it reachable.',
    },
    findings: securityTxtFindings,
  },
};
