/**
 * Undoes a response's content coding (RFC 9110 §8.4.1) for the codings Node can decode, reading
 * at most a given number of decoded bytes: the HTTP client leaves bodies as received, and a page
 * compared by content must be compared as the browser would show it.
 */
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ProbeFailure } from '../model/evidence.js';

/** A decoded body, cut at the limit. */
export interface DecodedBody {
  /** The first decoded bytes, at most the limit. */
  readonly bytes: Uint8Array;
  /** Whether the decoded body went on beyond them, or its coded input was cut short. */
  readonly truncated: boolean;
}

const decoders: Readonly<Record<string, () => Transform>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

/**
 * Decodes `body` as sent with Content-Encoding `coding` (absent or `identity`: as it is), keeping
 * at most `maxBytes` decoded bytes: decoding stops there, so a small body that inflates to
 * gigabytes costs no more than `maxBytes`. Resolves to `undefined` for a coding it cannot decode
 * (`zstd`, `compress`, a list of codings) or a coded body it cannot make anything of; a body cut
 * short or broken after some output gives that output, marked truncated.
 *
 * @throws ProbeFailure `aborted` (as a rejection) when `signal` aborts first
 */
export function decodeContentCoding(
  body: Uint8Array,
  coding: string | undefined,
  maxBytes: number,
  signal: AbortSignal,
): Promise<DecodedBody | undefined> {
  const name = (coding ?? 'identity').trim().toLowerCase();
  if (name === '' || name === 'identity') {
    return Promise.resolve({ bytes: body.subarray(0, maxBytes), truncated: body.length > maxBytes });
  }
  const decoder = Object.hasOwn(decoders, name) ? decoders[name] : undefined;
  if (decoder === undefined) return Promise.resolve(undefined);
  if (signal.aborted) return Promise.reject(new ProbeFailure('aborted', 'decoding the body was aborted'));
  return new Promise((resolve, reject) => {
    const stream = decoder();
    const chunks: Uint8Array[] = [];
    let size = 0;
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      stream.destroy();
      outcome();
    };
    const decoded = (truncated: boolean): DecodedBody => ({ bytes: Buffer.concat(chunks, size), truncated });
    const onAbort = (): void => settle(() => reject(new ProbeFailure('aborted', 'decoding the body was aborted')));
    signal.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => {
      const room = maxBytes - size;
      chunks.push(chunk.subarray(0, room));
      size += Math.min(room, chunk.length);
      if (size >= maxBytes) settle(() => resolve(decoded(true)));
    });
    stream.on('end', () => settle(() => resolve(decoded(false))));
    stream.on('error', () => settle(() => resolve(size > 0 ? decoded(true) : undefined)));
    stream.end(body);
  });
}
