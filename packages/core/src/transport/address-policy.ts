import { isIP } from 'node:net';
import { parseIpv4Text, parseIpv6Text } from '../util/ip-text.js';
import type { AddressCategory, AddressDecision, AddressPolicy } from './network.js';

/**
 * An IP address parsed from text: its family, its bytes in network order (4 or 16) and the IPv6
 * zone id, if any.
 *
 * @internal Shared with the Node network transport; not part of the public API.
 */
export interface ParsedAddress {
  /** 4 or 6. */
  readonly family: 4 | 6;
  /** The address in network byte order: 4 bytes for IPv4, 16 for IPv6. */
  readonly bytes: Uint8Array;
  /** The IPv6 zone id after `%` (e.g. `eth0`), or `undefined`. */
  readonly zone: string | undefined;
}

// The longest IPv6 text is 45 characters; allow a zone id on top. Anything longer is garbage,
// and rejecting it early keeps hostile input from costing anything.
const MAX_TEXT_LENGTH = 45 + 1 + 64;
// A subset of what Node accepts, so that every zone id we accept Node can also connect with.
const ZONE_TEXT = /^[0-9A-Za-z.-]{1,64}$/;

/**
 * Parses an IPv4 or IPv6 address written as text, strictly: no host names, no brackets, no
 * ports, no leading zeros in IPv4, no surrounding white space. IPv6 may use upper case, `::`,
 * embedded dotted IPv4 and a zone id (`fe80::1%eth0`). The text must also be an address to
 * Node's own `isIP`, so that what passes here is what a socket will connect to.
 *
 * @param text - the address text
 * @returns the parsed address, or `undefined` when the text is not an IP address
 * @internal Shared with the Node network transport; not part of the public API.
 */
export function parseAddress(text: string): ParsedAddress | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_TEXT_LENGTH) {
    return undefined;
  }
  const family = isIP(text);
  if (family === 4) {
    const bytes = parseIpv4Text(text);
    return bytes === undefined ? undefined : { family: 4, bytes, zone: undefined };
  }
  if (family !== 6) return undefined;
  const percent = text.indexOf('%');
  const address = percent === -1 ? text : text.slice(0, percent);
  const zone = percent === -1 ? undefined : text.slice(percent + 1);
  if (zone !== undefined && !ZONE_TEXT.test(zone)) return undefined;
  const bytes = parseIpv6Text(address);
  return bytes === undefined ? undefined : { family: 6, bytes, zone };
}

/** A prefix in the special-purpose tables: its bytes, its length in bits, and what it is. */
interface Block {
  readonly prefix: readonly number[];
  readonly bits: number;
  readonly category: AddressCategory;
  /** Completes "<ip> is ...". */
  readonly label: string;
}

function inBlock(bytes: Uint8Array, block: Block): boolean {
  const whole = Math.floor(block.bits / 8);
  for (let i = 0; i < whole; i++) {
    if (bytes[i] !== (block.prefix[i] ?? 0)) return false;
  }
  const rest = block.bits % 8;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((bytes[whole] ?? 0) & mask) === ((block.prefix[whole] ?? 0) & mask);
}

const RFC1918 = 'a private address (RFC 1918)';
const RFC5737 = 'a documentation address (RFC 5737)';

// First match wins, so the narrow blocks come before the wide ones that contain them. Every
// IPv4 address outside these blocks is allocated global unicast, hence public.
const IPV4_BLOCKS: readonly Block[] = [
  { prefix: [255, 255, 255, 255], bits: 32, category: 'broadcast', label: 'the limited broadcast address (RFC 919)' },
  { prefix: [0, 0, 0, 0], bits: 32, category: 'unspecified', label: 'the unspecified address' },
  { prefix: [0], bits: 8, category: 'reserved', label: 'in 0.0.0.0/8, which means "this network" (RFC 791) and is never a destination' },
  { prefix: [10], bits: 8, category: 'private', label: RFC1918 },
  { prefix: [172, 16], bits: 12, category: 'private', label: RFC1918 },
  { prefix: [192, 168], bits: 16, category: 'private', label: RFC1918 },
  { prefix: [100, 64], bits: 10, category: 'shared', label: 'a shared address for carrier-grade NAT (RFC 6598)' },
  { prefix: [127], bits: 8, category: 'loopback', label: 'a loopback address (RFC 1122)' },
  { prefix: [169, 254], bits: 16, category: 'link-local', label: 'a link-local address (RFC 3927)' },
  // 192.0.0.9 and 192.0.0.10 are globally reachable anycast service addresses (PCP, TURN), but
  // no domain's web or mail server lives there, so the whole block stays closed.
  { prefix: [192, 0, 0], bits: 24, category: 'reserved', label: 'an IETF protocol assignment (192.0.0.0/24, RFC 6890)' },
  { prefix: [192, 0, 2], bits: 24, category: 'documentation', label: RFC5737 },
  { prefix: [198, 51, 100], bits: 24, category: 'documentation', label: RFC5737 },
  { prefix: [203, 0, 113], bits: 24, category: 'documentation', label: RFC5737 },
  { prefix: [192, 88, 99], bits: 24, category: 'reserved', label: 'in the deprecated 6to4 relay anycast prefix (RFC 7526)' },
  { prefix: [198, 18], bits: 15, category: 'benchmarking', label: 'a benchmarking address (RFC 2544)' },
  { prefix: [224], bits: 4, category: 'multicast', label: 'a multicast address (RFC 5771)' },
  { prefix: [240], bits: 4, category: 'reserved', label: 'a reserved address (240.0.0.0/4, RFC 1112)' },
];

/** Blocks that carry an IPv4 address inside; they are classified by that address too. */
interface EmbeddingBlock extends Block {
  /**
   * Where the embedded IPv4 address may sit: for each reading, the byte offsets of its four
   * octets. Most blocks have one reading; the local-use NAT64 prefix has several.
   */
  readonly readings: readonly (readonly [number, number, number, number])[];
  /** Completes "<ip> is ... <embedded ipv4>". */
  readonly embeddingLabel: string;
}

const IPV6_EMBEDDING_BLOCKS: readonly EmbeddingBlock[] = [
  {
    prefix: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff],
    bits: 96,
    category: 'ipv4-mapped',
    label: 'an IPv4-mapped IPv6 address (RFC 4291)',
    readings: [[12, 13, 14, 15]],
    embeddingLabel: 'the IPv4-mapped form of',
  },
  {
    prefix: [0, 0x64, 0xff, 0x9b],
    bits: 96,
    category: 'nat64',
    label: 'an address in the well-known NAT64 prefix (RFC 6052)',
    readings: [[12, 13, 14, 15]],
    embeddingLabel: 'the NAT64 form of',
  },
  {
    // RFC 8215 reserves the /48 for local translators, each with a prefix of its own inside it,
    // /48 to /96 long. The length is the translator's configuration, which pastoe cannot see, so
    // the address is read in every RFC 6052 §2.2 format: the IPv4 octets sit at bytes 12–15 for
    // a /96, and skip bits 64–71 (the u-octet, byte 8) in the others: bytes 9–12 for a /64,
    // 7 and 9–11 for a /56, 6–7 and 9–10 for a /48. Reading all of them refuses some public
    // addresses whose other readings land in a special range: safety over reach, since DNS data
    // picks the address. The /96 reading comes first, the deployment seen most.
    prefix: [0, 0x64, 0xff, 0x9b, 0, 1],
    bits: 48,
    category: 'nat64',
    label: 'an address in the local-use NAT64 prefix (RFC 8215)',
    readings: [
      [12, 13, 14, 15],
      [9, 10, 11, 12],
      [7, 9, 10, 11],
      [6, 7, 9, 10],
    ],
    embeddingLabel: 'a local-use NAT64 address (RFC 8215) of',
  },
  {
    // 6to4 is ordinary global unicast whose packets reach the embedded IPv4 address.
    prefix: [0x20, 0x02],
    bits: 16,
    category: 'public',
    label: 'a 6to4 address (RFC 3056)',
    readings: [[2, 3, 4, 5]],
    embeddingLabel: 'a 6to4 address (RFC 3056) built on',
  },
];

// First match wins. Outside 2000::/3 everything not listed is reserved by the IETF, which also
// covers the deprecated IPv4-compatible ::/96 and site-local fec0::/10 blocks.
const IPV6_BLOCKS: readonly Block[] = [
  { prefix: [], bits: 128, category: 'unspecified', label: 'the unspecified address (RFC 4291)' },
  {
    prefix: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
    bits: 128,
    category: 'loopback',
    label: 'the loopback address (RFC 4291)',
  },
  { prefix: [0x01, 0x00, 0, 0, 0, 0, 0, 0], bits: 64, category: 'reserved', label: 'a discard-only address (RFC 6666)' },
  { prefix: [0x20, 0x01, 0x0d, 0xb8], bits: 32, category: 'documentation', label: 'a documentation address (RFC 3849)' },
  // 2001::/23 holds Teredo, ORCHID, AMT, AS112 and anycast service addresses. A few sub-blocks
  // are globally reachable, but none is where a domain's web or mail server lives, so the
  // block stays closed as a whole rather than carrying exceptions nobody needs.
  { prefix: [0x20, 0x01, 0x00], bits: 23, category: 'reserved', label: 'an IETF protocol assignment (2001::/23, RFC 2928)' },
  { prefix: [0x3f, 0xff, 0x00], bits: 20, category: 'documentation', label: 'a documentation address (RFC 9637)' },
  { prefix: [0x20], bits: 3, category: 'public', label: 'a public address' },
  { prefix: [0xfc], bits: 7, category: 'unique-local', label: 'a unique local address (RFC 4193)' },
  { prefix: [0xfe, 0x80], bits: 10, category: 'link-local', label: 'a link-local address (RFC 4291)' },
  { prefix: [0xff], bits: 8, category: 'multicast', label: 'a multicast address (RFC 4291)' },
];

const IPV6_OTHER: Pick<Block, 'category' | 'label'> = {
  category: 'reserved',
  label: 'outside the global unicast space 2000::/3 and reserved by the IETF (RFC 4291)',
};

/** A classification with the words for the decision's reason. */
interface Description {
  readonly category: AddressCategory;
  readonly label: string;
}

function describeIpv4(bytes: Uint8Array): Description {
  for (const block of IPV4_BLOCKS) {
    if (inBlock(bytes, block)) return block;
  }
  return { category: 'public', label: 'a public address' };
}

/**
 * Judges an address that wraps IPv4 by what it wraps. A wrapped address that is not public keeps
 * the category of what it wraps, so that allowing `ipv4-mapped` or `nat64` can never open a way
 * to a private or loopback target. Where a block has several readings, any non-public one
 * decides, except one in 0.0.0.0/8: that is what the other formats read from the zero bits of an
 * address in a longer one, and no translator forwards to it. If all are there, the first decides.
 */
function describeEmbedding(bytes: Uint8Array, block: EmbeddingBlock): Description {
  const readings = block.readings.map((offsets) => Uint8Array.from(offsets, (offset) => bytes[offset] ?? 0));
  const telling = readings.length === 1 ? readings : readings.filter((ipv4) => ipv4[0] !== 0);
  for (const ipv4 of telling.length > 0 ? telling : readings.slice(0, 1)) {
    const inner = describeIpv4(ipv4);
    if (inner.category !== 'public') {
      return { category: inner.category, label: `${block.embeddingLabel} ${ipv4.join('.')}, ${inner.label}` };
    }
  }
  const [only] = readings;
  return readings.length === 1 && only !== undefined ? { category: block.category, label: `${block.label} for ${only.join('.')}` } : block;
}

function describeIpv6(bytes: Uint8Array): Description {
  for (const block of IPV6_EMBEDDING_BLOCKS) {
    if (inBlock(bytes, block)) return describeEmbedding(bytes, block);
  }
  for (const block of IPV6_BLOCKS) {
    if (inBlock(bytes, block)) return block;
  }
  return IPV6_OTHER;
}

function describe(ip: string): Description {
  const parsed = parseAddress(ip);
  if (parsed === undefined) return { category: 'invalid', label: 'not an IP address' };
  return parsed.family === 4 ? describeIpv4(parsed.bytes) : describeIpv6(parsed.bytes);
}

/**
 * Classifies an IP address by the IANA IPv4 and IPv6 special-purpose address registries.
 *
 * IPv4-mapped (`::ffff:0:0/96`), NAT64 (`64:ff9b::/96` and the local-use `64:ff9b:1::/48`) and
 * 6to4 (`2002::/16`) addresses are classified by the IPv4 address they carry when that one is
 * not public, so `::ffff:10.0.0.1` is `private` and `64:ff9b:1:7f00:0:100::` (127.0.0.1 in the
 * /48 format of RFC 6052) is `loopback`. The local-use prefix is read in every RFC 6052 format,
 * since its translators choose their prefix length. A mapped or NAT64 address of a public IPv4
 * address is `ipv4-mapped` or `nat64`; a 6to4 address of one is `public`. Text that is not
 * strictly an IP address is `invalid`.
 *
 * @param ip - an IPv4 or IPv6 address as text; an IPv6 zone id (`fe80::1%eth0`) is allowed
 * @returns the category
 */
export function classifyAddress(ip: string): AddressCategory {
  return describe(ip).category;
}

/** Options for {@link createAddressPolicy}. */
export interface AddressPolicyOptions {
  /**
   * The categories that may be contacted; this list replaces the default `['public']`, so
   * include `'public'` to keep public addresses reachable. `'invalid'` is never allowed.
   */
  readonly allow?: readonly AddressCategory[];
  /** Allows every valid address, whatever its category. Invalid text stays refused. */
  readonly allowAll?: boolean;
}

const CATEGORIES: ReadonlySet<AddressCategory> = new Set<AddressCategory>([
  'public',
  'private',
  'loopback',
  'link-local',
  'multicast',
  'unspecified',
  'broadcast',
  'documentation',
  'shared',
  'benchmarking',
  'reserved',
  'unique-local',
  'ipv4-mapped',
  'nat64',
  'invalid',
]);

/** Shows untrusted text in a message on one line and at a bounded length. */
function quote(text: unknown): string {
  if (typeof text !== 'string') return String(typeof text);
  const shown = text.length > 64 ? `${text.slice(0, 64)}…` : text;
  return JSON.stringify(shown);
}

/**
 * Creates the policy that decides which addresses pastoe may contact. By default only public
 * addresses are allowed; private, loopback, link-local, reserved and the other special-purpose
 * ranges are refused with a reason that names the range.
 *
 * @example
 * ```ts
 * createAddressPolicy().check('192.168.1.1');
 * // { allowed: false, category: 'private', reason: '192.168.1.1 is a private address (RFC 1918); ...' }
 * createAddressPolicy({ allow: ['public', 'loopback'] }).check('127.0.0.1').allowed; // true
 * ```
 *
 * @param options - which categories to allow
 * @returns the policy
 * @throws RangeError when `allow` names a category that does not exist
 */
export function createAddressPolicy(options: AddressPolicyOptions = {}): AddressPolicy {
  const allow = options.allow ?? ['public'];
  for (const category of allow) {
    if (!CATEGORIES.has(category)) {
      throw new RangeError(`unknown address category ${quote(category)}`);
    }
  }
  const allowed = new Set<AddressCategory>(allow);
  const allowAll = options.allowAll === true;
  return Object.freeze({
    check(ip: string): AddressDecision {
      const { category, label } = describe(ip);
      if (category === 'invalid') {
        return {
          allowed: false,
          category,
          reason: `${quote(ip)} is not an IP address; pastoe only contacts addresses written as IPv4 or IPv6 text`,
        };
      }
      if (allowAll || allowed.has(category)) return { allowed: true, category };
      return { allowed: false, category, reason: `${ip} is ${label}; pastoe does not contact it unless allowed` };
    },
  });
}

/**
 * Whether `ip` is an IPv4-mapped IPv6 address (`::ffff:0:0/96`, RFC 4291 §2.5.5.2). DNS answers
 * that carry one are dropped from the addresses a test contacts, as Internet.nl does (its issues
 * #146 and #655): such an address is IPv4 in disguise, not an IPv6 path.
 *
 * @internal Shared by the address probes; not part of the public API.
 */
export function isIpv4MappedIpv6(ip: string): boolean {
  const parsed = parseAddress(ip);
  if (parsed === undefined || parsed.family !== 6) return false;
  const { bytes } = parsed;
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}
