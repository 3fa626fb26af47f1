import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

/** The result of {@link normalizeDomain}: the domain, or why the input is not one. */
export type DomainParseResult = { readonly ok: true; readonly domain: string } | { readonly ok: false; readonly reason: string };

const maxInputLength = 2048;
const labelPattern = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Turns what a user typed into the domain to test: trims it, takes the host of a URL and the
 * domain of an e-mail address, converts an IDN to A-labels with punycode, lowercases it and drops
 * one trailing dot. Refuses IP addresses, single labels, numeric top-level labels and anything
 * that is not a host name, with a reason a user can act on. A bad name never reaches the network.
 */
export function normalizeDomain(input: string): DomainParseResult {
  if (typeof input !== 'string') return { ok: false, reason: 'the domain must be a string' };
  if (input.length > maxInputLength) return { ok: false, reason: `the input is longer than ${maxInputLength} characters` };
  let text = input.trim();
  if (text === '') return { ok: false, reason: 'the domain is empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { ok: false, reason: `${JSON.stringify(input)} is not a valid URL` };
    }
    text = url.hostname;
  } else if (text.includes('@')) {
    text = text.slice(text.lastIndexOf('@') + 1);
  }
  if (text.startsWith('[') || isIP(text) !== 0) {
    return { ok: false, reason: `${JSON.stringify(input)} is an IP address; pastoe tests domain names` };
  }
  if (text.endsWith('.')) text = text.slice(0, -1);
  if (text === '') return { ok: false, reason: 'the domain is empty' };
  if (/[\s/\\?#:@]/.test(text)) return { ok: false, reason: `${JSON.stringify(input)} is not a domain name` };
  const ascii = domainToASCII(text);
  if (ascii === '') return { ok: false, reason: `${JSON.stringify(input)} is not a valid (internationalised) domain name` };
  if (ascii.length > 253) return { ok: false, reason: 'the domain is longer than 253 characters' };
  const labels = ascii.split('.');
  if (labels.length < 2) return { ok: false, reason: `${JSON.stringify(input)} has a single label; give a full domain such as example.nl` };
  for (const label of labels) {
    if (!labelPattern.test(label)) {
      return {
        ok: false,
        reason: `the label ${JSON.stringify(label)} is not a valid host name label (letters, digits and inner hyphens, 1 to 63 characters)`,
      };
    }
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) {
    return { ok: false, reason: 'the top-level label is numeric' };
  }
  return { ok: true, domain: ascii };
}
