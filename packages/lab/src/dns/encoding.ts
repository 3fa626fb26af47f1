import { fromBase32Hex as coreFromBase32Hex, toBase32Hex as coreToBase32Hex } from '@pastoe/core';
import { LabDnsError } from './names.js';

/** Base32 with the extended hex alphabet (RFC 4648 §7), lowercase, no padding: NSEC3 owner labels. */
export const toBase32Hex: (bytes: Uint8Array) => string = coreToBase32Hex;

/** Decodes base32hex (either case, padding ignored); throws on other characters. */
export function fromBase32Hex(text: string): Buffer {
  const bytes = coreFromBase32Hex(text.replace(/=+$/, ''));
  if (bytes === undefined) throw new LabDnsError(`invalid base32hex "${text}"`);
  return Buffer.from(bytes);
}

/** Decodes hex, refusing odd lengths and stray characters (Buffer.from would silently stop). */
export function fromHex(text: string): Buffer {
  if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) throw new LabDnsError(`invalid hex "${text}"`);
  return Buffer.from(text, 'hex');
}

/** Decodes base64, refusing stray characters (Buffer.from would silently skip them). */
export function fromBase64(text: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.replace(/=+$/, '').length % 4 === 1) {
    throw new LabDnsError(`invalid base64 "${text.slice(0, 40)}"`);
  }
  return Buffer.from(text, 'base64');
}
