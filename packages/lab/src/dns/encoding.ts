import { LabDnsError } from './names.js';

const base32HexAlphabet = '0123456789abcdefghijklmnopqrstuv';

/** Base32 with the extended hex alphabet (RFC 4648 §7), lowercase, no padding: NSEC3 owner labels. */
export function toBase32Hex(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32HexAlphabet[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += base32HexAlphabet[(buffer << (5 - bits)) & 31];
  return out;
}

/** Decodes base32hex (either case, padding ignored); throws on other characters. */
export function fromBase32Hex(text: string): Buffer {
  const clean = text.toLowerCase().replace(/=+$/, '');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const value = base32HexAlphabet.indexOf(ch);
    if (value < 0) throw new LabDnsError(`invalid base32hex "${text}"`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(out);
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
