/**
 * Reads the few fields the scanner needs from the session node:tls hands out in its `'session'`
 * event: OpenSSL's SSL_SESSION in DER (ssl/ssl_asn1.c). The session ticket's `max_early_data`
 * (context tag [15]) is the server's 0-RTT advertisement; tag [10] is the ticket itself.
 */

/** What a session says about tickets and early data. */
export interface SessionFacts {
  /** Whether the session holds a ticket from the server. */
  readonly ticket: boolean;
  /** The ticket's `max_early_data`; 0 when the field is absent (OpenSSL omits zero). */
  readonly maxEarlyData: number;
}

interface Tlv {
  readonly tag: number;
  readonly content: Uint8Array;
  readonly next: number;
}

/** Reads one DER TLV at `offset`; undefined when it runs past the end or uses forms DER forbids. */
function readTlv(data: Uint8Array, offset: number): Tlv | undefined {
  if (offset + 2 > data.length) return undefined;
  const tag = data[offset] as number;
  // Multi-byte tags do not occur in SSL_SESSION.
  if ((tag & 0x1f) === 0x1f) return undefined;
  let length = data[offset + 1] as number;
  let at = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || at + count > data.length) return undefined;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (data[at + i] as number);
    at += count;
  }
  if (at + length > data.length) return undefined;
  return { tag, content: data.subarray(at, at + length), next: at + length };
}

function unsignedInteger(tlv: Tlv | undefined): number | undefined {
  if (tlv === undefined || tlv.tag !== 0x02 || tlv.content.length === 0 || tlv.content.length > 5) return undefined;
  if (((tlv.content[0] as number) & 0x80) !== 0) return undefined;
  let value = 0;
  for (const byte of tlv.content) value = value * 256 + byte;
  return value;
}

/** Reads ticket and `max_early_data` from an SSL_SESSION DER; undefined when it does not parse. */
export function parseSessionFacts(der: Uint8Array): SessionFacts | undefined {
  const outer = readTlv(der, 0);
  if (outer === undefined || outer.tag !== 0x30) return undefined;
  let ticket = false;
  let maxEarlyData = 0;
  let offset = 0;
  const body = outer.content;
  while (offset < body.length) {
    const field = readTlv(body, offset);
    if (field === undefined) return undefined;
    offset = field.next;
    if (field.tag === 0xaa) {
      // [10] EXPLICIT OCTET STRING: the ticket.
      const inner = readTlv(field.content, 0);
      ticket = inner !== undefined && inner.tag === 0x04 && inner.content.length > 0;
    } else if (field.tag === 0xaf) {
      // [15] EXPLICIT INTEGER: max_early_data.
      const value = unsignedInteger(readTlv(field.content, 0));
      if (value === undefined) return undefined;
      maxEarlyData = value;
    }
  }
  return { ticket, maxEarlyData };
}
