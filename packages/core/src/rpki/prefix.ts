/**
 * IP prefixes for route origin validation: parsing (strict, no I/O), containment, and the
 * truncation Internet.nl applies before it asks for the routes of an address. Addresses are held
 * as bigints so that IPv4 and IPv6 share one code path.
 */
import { parseIpv4Text, parseIpv6Text } from '../util/ip-text.js';

/** An IP address family. */
export type IpFamily = 4 | 6;

/** A parsed IP address. */
export interface IpAddress {
  /** 4 or 6. */
  readonly family: IpFamily;
  /** The address as an unsigned integer of 32 or 128 bits. */
  readonly value: bigint;
}

/** A parsed IP prefix: a network address and a length, host bits zero. */
export interface IpPrefix {
  /** 4 or 6. */
  readonly family: IpFamily;
  /** The network address as an unsigned integer of 32 or 128 bits. */
  readonly network: bigint;
  /** The prefix length in bits (0–32 or 0–128). */
  readonly length: number;
}

/** The number of bits in an address of each family. */
export const addressBits: Readonly<Record<IpFamily, number>> = Object.freeze({ 4: 32, 6: 128 });

/**
 * The length Internet.nl truncates an address to before asking for its routes: /24 for IPv4 and
 * /48 for IPv6, the longest prefixes that propagate globally.
 */
export const routedPrefixLength: Readonly<Record<IpFamily, number>> = Object.freeze({ 4: 24, 6: 48 });

// The longest address text is 45 characters (IPv6 with embedded IPv4); a prefix adds "/128".
const MAX_ADDRESS_TEXT = 45;
const IPV4_MAPPED = 0xffffn << 32n;

/** Address bytes in network order as one unsigned integer. */
function toBigint(bytes: Uint8Array): bigint {
  return bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
}

/**
 * Parses an IPv4 or IPv6 address, strictly: no zone id, brackets, port or white space, no leading
 * zeros in IPv4. Returns `undefined` for anything else.
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_ADDRESS_TEXT) return undefined;
  if (text.includes(':')) {
    const bytes = parseIpv6Text(text);
    return bytes === undefined ? undefined : { family: 6, value: toBigint(bytes) };
  }
  const bytes = parseIpv4Text(text);
  return bytes === undefined ? undefined : { family: 4, value: toBigint(bytes) };
}

/** An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`) as the IPv4 address it carries; any other address as it is. */
export function unwrapIpv4Mapped(address: IpAddress): IpAddress {
  if (address.family === 6 && address.value >> 32n === IPV4_MAPPED >> 32n) return { family: 4, value: address.value & 0xffffffffn };
  return address;
}

function hostMask(family: IpFamily, length: number): bigint {
  return (1n << BigInt(addressBits[family] - length)) - 1n;
}

/**
 * Parses a prefix in slash notation (`192.0.2.0/24`, `2001:db8::/32`). The host bits must be
 * zero, as in any route or ROA; `undefined` for anything else.
 */
export function parsePrefix(text: string): IpPrefix | undefined {
  if (typeof text !== 'string') return undefined;
  const slash = text.indexOf('/');
  if (slash === -1) return undefined;
  const lengthText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(lengthText) || (lengthText.length > 1 && lengthText.startsWith('0'))) return undefined;
  const address = parseIpAddress(text.slice(0, slash));
  if (address === undefined) return undefined;
  const length = Number(lengthText);
  if (length > addressBits[address.family]) return undefined;
  if ((address.value & hostMask(address.family, length)) !== 0n) return undefined;
  return { family: address.family, network: address.value, length };
}

/** The prefix of the given length that holds an address (host bits cleared). */
export function prefixOf(address: IpAddress, length: number): IpPrefix {
  const bits = addressBits[address.family];
  if (!Number.isInteger(length) || length < 0 || length > bits)
    throw new RangeError(`prefix length ${length} is out of range for IPv${address.family}`);
  return { family: address.family, network: address.value & ~hostMask(address.family, length), length };
}

/**
 * The prefix Internet.nl asks the routes of for an address: its /24 (IPv4) or /48 (IPv6), an
 * IPv4-mapped IPv6 address unwrapped first. `undefined` when the text is not an address.
 */
export function routedPrefixOf(addressText: string): IpPrefix | undefined {
  const parsed = parseIpAddress(addressText);
  if (parsed === undefined) return undefined;
  const address = unwrapIpv4Mapped(parsed);
  return prefixOf(address, routedPrefixLength[address.family]);
}

/** Whether `outer` covers `inner`: the same family, no longer, and the same leading bits (a prefix covers itself). */
export function prefixContains(outer: IpPrefix, inner: IpPrefix): boolean {
  if (outer.family !== inner.family || outer.length > inner.length) return false;
  return (inner.network & ~hostMask(inner.family, outer.length)) === outer.network;
}

function formatAddress(family: IpFamily, value: bigint): string {
  if (family === 4) return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  const groups = Array.from({ length: 8 }, (_, index) => Number((value >> BigInt(112 - index * 16)) & 0xffffn));
  // RFC 5952: the longest run of two or more zero groups (the first of equals) becomes `::`.
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; ) {
    if (groups[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) end += 1;
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart === -1) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** A prefix in slash notation, the address in canonical form (IPv6 compressed and lowercase, RFC 5952). */
export function formatPrefix(prefix: IpPrefix): string {
  return `${formatAddress(prefix.family, prefix.network)}/${prefix.length}`;
}

/** The network address of a prefix as text, e.g. `192.0.2.0` for `192.0.2.0/24`. */
export function prefixAddress(prefix: IpPrefix): string {
  return formatAddress(prefix.family, prefix.network);
}
