/**
 * Reading the PEM certificates a user adds to the trust store: split into one block per
 * certificate, each one parsed by pastoe's DER reader and loaded by Node, because node:tls skips
 * certificates it cannot read without a word, and a root that silently vanished would turn a
 * trusted server into an untrusted one with no hint why.
 */
import { type ParsedCertificate, parseCertificate } from '../x509/certificate.js';
import { loadsInNode } from '../x509/signatures.js';

/** The most PEM text accepted in all, in characters (Mozilla's whole bundle is about 200 000). */
const maxPemChars = 4_000_000;
/** The most certificates accepted in all. */
const maxPemCertificates = 1_000;

const BEGIN = '-----BEGIN CERTIFICATE-----';
const END = '-----END CERTIFICATE-----';
const blockPattern = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const base64Body = /^[A-Za-z0-9+/=\s]*$/;

/** One certificate read from PEM: the block as node:tls gets it, and its parse. */
export interface PemCertificate {
  /** The single `BEGIN CERTIFICATE` … `END CERTIFICATE` block. */
  readonly pem: string;
  /** The parsed certificate (with Node's view: loading it succeeded). */
  readonly parsed: ParsedCertificate;
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/**
 * Splits PEM texts into certificates and checks every one.
 *
 * @param texts - PEM texts, each with one or more certificates (text between blocks is ignored)
 * @param what - the option name, for messages (`ca`)
 * @returns the certificates, in order, duplicates (same DER) removed
 * @throws TypeError with the reason when a text holds no certificate, a block is unterminated or
 *   not base64, a certificate does not parse or Node cannot load it, or the input is too large
 */
export function readPemCertificates(texts: readonly string[], what: string): PemCertificate[] {
  let total = 0;
  const out: PemCertificate[] = [];
  const seen = new Set<string>();
  texts.forEach((text, index) => {
    const where = texts.length === 1 ? what : `${what}[${index}]`;
    if (typeof text !== 'string') throw new TypeError(`${where} must be PEM text, got ${typeof text}`);
    total += text.length;
    if (total > maxPemChars) throw new TypeError(`${what} is larger than ${maxPemChars} characters of PEM`);
    const blocks = text.match(blockPattern) ?? [];
    if (blocks.length === 0) throw new TypeError(`${where} holds no PEM certificate (${BEGIN})`);
    if (countOccurrences(text, BEGIN) !== blocks.length || countOccurrences(text, END) !== blocks.length) {
      throw new TypeError(`${where} has a certificate block without its matching BEGIN or END line`);
    }
    blocks.forEach((pem, blockIndex) => {
      const label = blocks.length === 1 ? where : `certificate ${blockIndex + 1} of ${where}`;
      const body = pem.slice(BEGIN.length, pem.length - END.length);
      if (!base64Body.test(body)) throw new TypeError(`${label} is not base64 between its BEGIN and END lines`);
      let parsed: ParsedCertificate;
      try {
        parsed = parseCertificate(pem);
      } catch (error) {
        // Whatever the DER reader trips over, the caller's text is what is wrong.
        const reason = error instanceof Error ? error.message : String(error);
        throw new TypeError(`${label} is not an X.509 certificate: ${reason}`);
      }
      if (!loadsInNode(parsed)) throw new TypeError(`${label} parses, but Node cannot load it, so node:tls would skip it`);
      const key = parsed.facts.sha256;
      if (seen.has(key)) return;
      seen.add(key);
      if (out.length >= maxPemCertificates) throw new TypeError(`${what} holds more than ${maxPemCertificates} certificates`);
      out.push({ pem, parsed });
    });
  });
  return out;
}
