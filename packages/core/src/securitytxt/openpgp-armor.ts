/**
 * OpenPGP ASCII armor (RFC 4880 §6, RFC 9580 §6): base64 with an optional CRC-24 checksum line
 * between `-----BEGIN PGP …-----` and `-----END PGP …-----`. Pure (atob/btoa, no Node module), so
 * the security.txt parser can decode a signature block where checks run.
 */

/** A decoded armor block. */
export interface ArmorBlock {
  /** The armor headers (`Version`, `Comment`, `Hash`, …) in order. */
  readonly headers: readonly (readonly [name: string, value: string])[];
  /** The binary data. */
  readonly data: Uint8Array;
}

/** Why armored data did not decode. */
export type ArmorProblem = 'missing-end' | 'bad-header' | 'bad-base64' | 'bad-checksum' | 'empty';

/** The result of decoding an armor block. */
export type ArmorResult = { readonly ok: true; readonly block: ArmorBlock } | { readonly ok: false; readonly problem: ArmorProblem };

const base64Line = /^[A-Za-z0-9+/]*={0,2}$/;

/** CRC-24 of RFC 4880 §6.1. */
function crc24(data: Uint8Array): number {
  let crc = 0xb704ce;
  for (const byte of data) {
    crc ^= byte << 16;
    for (let bit = 0; bit < 8; bit++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

/** Decodes strict base64; `undefined` when it is not. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length % 4 !== 0 || !base64Line.test(text)) return undefined;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Encodes bytes as base64. */
export function encodeBase64(data: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < data.length; i += 0x8000) binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Decodes the lines between an armor's BEGIN and END lines (both excluded): armor headers up to
 * a blank line, base64 lines, and an optional `=XXXX` checksum line, which must match when present.
 */
export function decodeArmorBody(lines: readonly string[]): ArmorResult {
  const headers: [string, string][] = [];
  let index = 0;
  for (let line = lines[index]; line !== undefined && /^[A-Za-z][A-Za-z0-9-]*: /.test(line); line = lines[++index]) {
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  // The blank line after the headers is required by the RFC; some signers leave it out when there are none.
  if (lines[index]?.trim() === '') index++;
  else if (headers.length > 0) return { ok: false, problem: 'bad-header' };
  let base64 = '';
  let checksum: string | undefined;
  for (const raw of lines.slice(index)) {
    const line = raw.trim();
    if (line === '') continue;
    if (checksum !== undefined) return { ok: false, problem: 'bad-base64' };
    if (line.startsWith('=') && line.length === 5) {
      checksum = line.slice(1);
      continue;
    }
    if (!base64Line.test(line)) return { ok: false, problem: 'bad-base64' };
    base64 += line;
  }
  if (base64 === '') return { ok: false, problem: 'empty' };
  const data = decodeBase64(base64);
  if (data === undefined) return { ok: false, problem: 'bad-base64' };
  if (checksum !== undefined) {
    const sum = decodeBase64(checksum);
    if (sum === undefined || sum.length !== 3) return { ok: false, problem: 'bad-checksum' };
    if (((sum[0] ?? 0) << 16) + ((sum[1] ?? 0) << 8) + (sum[2] ?? 0) !== crc24(data)) return { ok: false, problem: 'bad-checksum' };
  }
  return { ok: true, block: { headers, data } };
}

/**
 * Finds the first `-----BEGIN PGP <type>-----` block in a text and decodes it.
 *
 * @param text - the armored text (other text around the block is ignored)
 * @param type - the armor type, e.g. `PUBLIC KEY BLOCK` or `SIGNATURE`
 */
export function dearmor(text: string, type: string): ArmorResult {
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd());
  const begin = lines.indexOf(`-----BEGIN PGP ${type}-----`);
  const end = lines.indexOf(`-----END PGP ${type}-----`, begin + 1);
  if (begin === -1 || end === -1) return { ok: false, problem: 'missing-end' };
  return decodeArmorBody(lines.slice(begin + 1, end));
}

/** Armors binary data as `-----BEGIN PGP <type>-----` … with a checksum line, 64 characters a line. */
export function armor(type: string, data: Uint8Array): string {
  const base64 = encodeBase64(data);
  const lines = base64.match(/.{1,64}/g) ?? [];
  const crc = crc24(data);
  const sum = encodeBase64(new Uint8Array([crc >> 16, (crc >> 8) & 0xff, crc & 0xff]));
  return [`-----BEGIN PGP ${type}-----`, '', ...lines, `=${sum}`, `-----END PGP ${type}-----`, ''].join('\n');
}
