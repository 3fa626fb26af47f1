/**
 * An incremental HTTP/1.1 response parser (RFC 9112), pure and bounded: bytes go in as they
 * arrive, and it says when the response is complete, or why it is not a valid one. It never
 * holds more than the limits allow, whatever the server sends: the head, each line, the header
 * count, the body, the trailers and each chunk-size line are all bounded, and a chunk size is
 * read as hex digits only, without overflow.
 *
 * Strict where leniency has been abused (request smuggling, response splitting): conflicting
 * Content-Length values, whitespace before a header colon, a bare CR, Transfer-Encoding in an
 * HTTP/1.0 response, and chunked applied twice are errors. Lenient where clients commonly are: a
 * bare LF ends a line, a missing reason phrase is accepted, obs-fold continuation lines are joined
 * with a space (RFC 9112 §5.2).
 */
import { Buffer } from 'node:buffer';
import { ByteQueue } from './byte-queue.js';
import type { BodyFraming, BodyOverflow, HttpHeader, HttpLimits, HttpMethod } from './types.js';

/** Why the parser gave up. */
export type ParseErrorCode = 'closed' | 'header-too-large' | 'body-too-large' | 'malformed-response' | 'bad-chunked-encoding';

/** Why the bytes are not a complete, valid response. */
export interface ParseError {
  /** The kind. */
  readonly code: ParseErrorCode;
  /** One line for people, with an escaped excerpt of the offending bytes where that helps. */
  readonly message: string;
  /** Whether it happened in the head or the body. */
  readonly stage: 'headers' | 'body';
}

/** A complete response. */
export interface ParsedResponse {
  /** The status code. */
  readonly status: number;
  /** The reason phrase. */
  readonly statusText: string;
  /** `1.0`, `1.1`, … */
  readonly httpVersion: string;
  /** Header fields, names lowercased, in order. */
  readonly headers: readonly HttpHeader[];
  /** Trailer fields of a chunked body. */
  readonly trailers: readonly HttpHeader[];
  /** The body, transfer coding removed. */
  readonly body: Uint8Array;
  /** Whether the body was cut at the limit. */
  readonly bodyTruncated: boolean;
  /** How the body's end was known. */
  readonly framing: BodyFraming;
  /**
   * Whether the connection may carry another request: HTTP/1.1, no `Connection: close`, a body
   * whose end was framed and fully read, and no bytes beyond it.
   */
  readonly reusable: boolean;
}

/** Where the parser is. */
export type ParseProgress =
  | { readonly state: 'incomplete' }
  | { readonly state: 'complete'; readonly response: ParsedResponse }
  | { readonly state: 'failed'; readonly error: ParseError };

/** What the parser needs to know: the request method (HEAD responses have no body) and the bounds. */
export interface ParserOptions extends HttpLimits {
  /** The request's method. */
  readonly method: HttpMethod;
  /** What a body over `maxBodyBytes` does. */
  readonly bodyOverflow: BodyOverflow;
}

/** A chunk-size line with extensions is short; anything longer is not a chunk size. */
const maxChunkLineBytes = 4_096;
/** 1xx responses before the final one (100 Continue, 103 Early Hints); a server sending more is stalling. */
const maxInterimResponses = 8;
/** Hex digits that fit a 64-bit length; more (after leading zeros) is an overflow in any implementation. */
const maxChunkSizeDigits = 16;
/** Hex digits that a double holds exactly; larger sizes exceed every body limit anyway. */
const exactChunkSizeDigits = 13;
/** Content-Length digits that a double holds exactly (below 2^53). */
const maxLengthDigits = 15;

const LF = 0x0a;
const tokenPattern = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// Field values and reason phrases: visible ASCII, obs-text, space and tab. NUL, CR, LF and other
// controls are refused (RFC 9110 §5.5).
const fieldTextPattern = /^[\t\x20-\x7e\x80-\xff]*$/;
const statusLinePattern = /^HTTP\/(\d)\.(\d) (\d{3})(?: (.*))?$/s;

type State =
  | 'status'
  | 'headers'
  | 'body-length'
  | 'chunk-size'
  | 'chunk-data'
  | 'chunk-end'
  | 'trailers'
  | 'body-close'
  | 'done'
  | 'failed';

/** Shows untrusted bytes in a message: escaped, at most 40 characters. */
function excerpt(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(short);
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** Comma-separated list elements of every field with this name, trimmed, empty ones dropped (RFC 9110 §5.6.1). */
function listValues(headers: readonly HttpHeader[], name: string): string[] {
  const out: string[] = [];
  for (const [field, value] of headers) {
    if (field !== name) continue;
    for (const element of value.split(',')) {
      const trimmed = element.trim();
      if (trimmed !== '') out.push(trimmed);
    }
  }
  return out;
}

/** Reads one HTTP/1.x response from the bytes given, bounded by the limits. One parser per response. */
export class HttpResponseParser {
  readonly #options: ParserOptions;
  readonly #queue = new ByteQueue();
  #state: State = 'status';
  #progress: ParseProgress = { state: 'incomplete' };
  /** Bytes of the current line already searched for its LF. */
  #scanned = 0;
  #received = 0;
  #excess = 0;
  #headBytes = 0;
  #trailerBytes = 0;
  #interim = 0;
  #status = 0;
  #statusText = '';
  #version = '';
  #headers: HttpHeader[] = [];
  readonly #trailers: HttpHeader[] = [];
  #framing: BodyFraming = 'none';
  #reusable = false;
  /** Body bytes still expected: of the Content-Length or of the current chunk. */
  #remaining = 0;
  readonly #body: Uint8Array[] = [];
  #bodyBytes = 0;
  #truncated = false;

  /** @param options - the request method and the bounds */
  constructor(options: ParserOptions) {
    this.#options = options;
  }

  /** Bytes pushed so far. */
  get bytesReceived(): number {
    return this.#received;
  }

  /** Whether the status line and headers of the final response are in (the body may not be). */
  get headComplete(): boolean {
    return this.#state !== 'status' && this.#state !== 'headers';
  }

  /** Bytes received after the end of the response: the server sent more than it framed. */
  get excessBytes(): number {
    return this.#state === 'done' ? this.#queue.length + this.#excess : 0;
  }

  /** Feeds bytes as they arrive. After `complete` or `failed`, the answer stays the same. */
  push(chunk: Uint8Array): ParseProgress {
    this.#received += chunk.length;
    if (this.#state === 'failed') return this.#progress;
    if (this.#state === 'done') {
      // After the end, bytes are only counted (as excess), never kept.
      this.#excess += chunk.length;
      return this.#progress;
    }
    this.#queue.append(chunk);
    this.#run();
    return this.#progress;
  }

  /** Says that the peer closed the connection: completes a body read until close, else fails with `closed`. */
  end(): ParseProgress {
    if (this.#state === 'done' || this.#state === 'failed') return this.#progress;
    // A server that closes right after the last chunk, without the empty line that ends the
    // trailers, has still sent the whole body.
    if (this.#state === 'body-close' || (this.#state === 'trailers' && this.#queue.length === 0)) {
      this.#reusable = false;
      this.#complete();
      return this.#progress;
    }
    if (this.#state === 'status' && this.#received === 0) {
      return this.#fail('closed', 'headers', 'the server closed the connection without answering');
    }
    if (!this.headComplete) {
      return this.#fail(
        'closed',
        'headers',
        `the server closed the connection in the middle of the response head, after ${this.#received} bytes`,
      );
    }
    const what =
      this.#framing === 'content-length'
        ? `after ${this.#bodyBytes} of the ${this.#bodyBytes + this.#remaining} body bytes its Content-Length announced`
        : `in the middle of the chunked body, after ${this.#bodyBytes} bytes`;
    return this.#fail('closed', 'body', `the server closed the connection ${what}`);
  }

  #fail(code: ParseErrorCode, stage: 'headers' | 'body', message: string): ParseProgress {
    this.#state = 'failed';
    this.#progress = { state: 'failed', error: { code, message, stage } };
    return this.#progress;
  }

  #run(): void {
    for (;;) {
      const before = this.#state;
      const queued = this.#queue.length;
      this.#step();
      if (this.#state === 'done' || this.#state === 'failed') return;
      // No state change and nothing consumed: more bytes are needed.
      if (this.#state === before && this.#queue.length === queued) return;
    }
  }

  #step(): void {
    switch (this.#state) {
      case 'status':
      case 'headers':
        this.#headLine();
        return;
      case 'body-length':
      case 'chunk-data':
        this.#bodyBytesStep();
        return;
      case 'chunk-size':
        this.#chunkSize();
        return;
      case 'chunk-end':
        this.#chunkEnd();
        return;
      case 'trailers':
        this.#trailerLine();
        return;
      case 'body-close':
        this.#keep(this.#queue.take(this.#queue.length));
        return;
      default:
        return;
    }
  }

  /**
   * Takes one line (without its CRLF or LF) if it is complete within `limit` bytes, counting the
   * line terminator. `undefined`: more bytes are needed; `null`: the line is longer than `limit`.
   */
  #line(limit: number): string | undefined | null {
    const end = this.#queue.indexOf(LF, this.#scanned, limit);
    if (end < 0) {
      if (this.#queue.length >= limit) return null;
      this.#scanned = this.#queue.length;
      return undefined;
    }
    this.#scanned = 0;
    const raw = this.#queue.peek(end);
    const length = raw.length > 0 && raw[raw.length - 1] === 0x0d ? raw.length - 1 : raw.length;
    const text = latin1(raw.subarray(0, length));
    this.#queue.skip(end + 1);
    return text;
  }

  #headLine(): void {
    const budget = this.#options.maxHeaderBytes - this.#headBytes;
    const limit = Math.min(this.#options.maxLineBytes, budget);
    const before = this.#queue.length;
    const line = this.#line(limit);
    if (line === null) {
      this.#fail(
        'header-too-large',
        'headers',
        limit === budget
          ? `the response head exceeds ${this.#options.maxHeaderBytes} bytes`
          : `a line of the response head exceeds ${this.#options.maxLineBytes} bytes`,
      );
      return;
    }
    if (line === undefined) return;
    this.#headBytes += before - this.#queue.length;
    if (line.includes('\r')) {
      this.#fail('malformed-response', 'headers', `a bare CR in the response head: ${excerpt(line)}`);
      return;
    }
    if (this.#state === 'status') this.#statusLine(line);
    else if (line === '') this.#endOfHead();
    else this.#field(line, this.#headers, 'headers');
  }

  #statusLine(line: string): void {
    const match = statusLinePattern.exec(line);
    if (match === null) {
      this.#fail('malformed-response', 'headers', `not an HTTP/1.x status line: ${excerpt(line)}`);
      return;
    }
    const [, major, minor, code, reason = ''] = match;
    if (major !== '1') {
      this.#fail('malformed-response', 'headers', `HTTP/${major}.${minor} is not HTTP/1.x`);
      return;
    }
    const status = Number(code);
    if (status < 100 || status > 599) {
      this.#fail('malformed-response', 'headers', `status ${code} is outside 100–599`);
      return;
    }
    if (!fieldTextPattern.test(reason)) {
      this.#fail('malformed-response', 'headers', `the reason phrase holds control characters: ${excerpt(reason)}`);
      return;
    }
    this.#version = `${major}.${minor}`;
    this.#status = status;
    this.#statusText = reason;
    this.#headers = [];
    this.#state = 'headers';
  }

  /** Adds one field line to `fields`, or fails. */
  #field(line: string, fields: HttpHeader[], section: 'headers' | 'trailers'): boolean {
    const stage = section === 'headers' ? 'headers' : 'body';
    const label = section === 'headers' ? 'header' : 'trailer';
    const malformed = section === 'headers' ? 'malformed-response' : 'bad-chunked-encoding';
    const first = line.charCodeAt(0);
    if (first === 0x20 || first === 0x09) {
      // obs-fold: a continuation of the previous field's value (RFC 9112 §5.2).
      const previous = fields[fields.length - 1];
      const continuation = line.trim();
      if (previous === undefined || !fieldTextPattern.test(continuation)) {
        this.#fail(malformed, stage, `a ${label} line starts with whitespace: ${excerpt(line)}`);
        return false;
      }
      fields[fields.length - 1] = [previous[0], previous[1] === '' ? continuation : `${previous[1]} ${continuation}`];
      return true;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon);
    if (!tokenPattern.test(name)) {
      this.#fail(malformed, stage, `not a valid ${label} field line: ${excerpt(line)}`);
      return false;
    }
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    if (!fieldTextPattern.test(value)) {
      this.#fail(malformed, stage, `the ${name} field holds control characters`);
      return false;
    }
    if (fields.length >= this.#options.maxHeaderCount) {
      this.#fail('header-too-large', stage, `more than ${this.#options.maxHeaderCount} ${label} fields`);
      return false;
    }
    fields.push([name.toLowerCase(), value]);
    return true;
  }

  #endOfHead(): void {
    if (this.#status < 200) {
      if (this.#status === 101) {
        this.#fail('malformed-response', 'headers', 'the server switched protocols (101) though no upgrade was asked for');
        return;
      }
      this.#interim++;
      if (this.#interim > maxInterimResponses) {
        this.#fail('malformed-response', 'headers', `more than ${maxInterimResponses} interim (1xx) responses`);
        return;
      }
      this.#state = 'status';
      return;
    }
    const headers = this.#headers;
    const http11 = this.#version !== '1.0';
    const closes = listValues(headers, 'connection').some((token) => token.toLowerCase() === 'close');
    this.#reusable = http11 && !closes;
    const noBody = this.#options.method === 'HEAD' || this.#status === 204 || this.#status === 304;
    if (noBody) {
      this.#framing = 'none';
      this.#complete();
      return;
    }
    const codings = listValues(headers, 'transfer-encoding').map((coding) => coding.toLowerCase());
    const lengths = listValues(headers, 'content-length');
    const lengthFieldCount = headers.filter(([name]) => name === 'content-length').length;
    if (codings.length > 0) {
      if (!http11) {
        this.#fail('malformed-response', 'headers', 'Transfer-Encoding in an HTTP/1.0 response: the framing cannot be trusted');
        return;
      }
      const chunked = codings.filter((coding) => coding === 'chunked').length;
      if (chunked > 1) {
        this.#fail('malformed-response', 'headers', `chunked applied more than once: ${excerpt(codings.join(', '))}`);
        return;
      }
      // Both framings at once is how smuggling starts: the transfer coding wins (RFC 9112 §6.3)
      // and the connection is not used again.
      if (lengthFieldCount > 0) this.#reusable = false;
      if (codings[codings.length - 1] === 'chunked') {
        this.#framing = 'chunked';
        this.#state = 'chunk-size';
      } else {
        this.#framing = 'close';
        this.#reusable = false;
        this.#state = 'body-close';
      }
      return;
    }
    if (lengthFieldCount > 0) {
      const first = lengths[0];
      if (first === undefined || lengths.some((length) => length !== first)) {
        this.#fail('malformed-response', 'headers', `conflicting Content-Length values: ${excerpt(lengths.join(', '))}`);
        return;
      }
      if (!/^[0-9]+$/.test(first)) {
        this.#fail('malformed-response', 'headers', `Content-Length is not a number: ${excerpt(first)}`);
        return;
      }
      const digits = first.replace(/^0+(?=.)/, '');
      const length = digits.length > maxLengthDigits ? Number.POSITIVE_INFINITY : Number(digits);
      if (length > this.#options.maxBodyBytes && this.#options.bodyOverflow === 'error') {
        this.#fail('body-too-large', 'body', `the Content-Length of ${first} bytes exceeds the limit of ${this.#options.maxBodyBytes}`);
        return;
      }
      this.#framing = 'content-length';
      this.#remaining = length;
      if (length === 0) this.#complete();
      else this.#state = 'body-length';
      return;
    }
    this.#framing = 'close';
    this.#reusable = false;
    this.#state = 'body-close';
  }

  /** Keeps body bytes up to the limit; past it, truncates (and completes) or fails. False when the body stopped here. */
  #keep(bytes: Uint8Array): boolean {
    const room = this.#options.maxBodyBytes - this.#bodyBytes;
    if (bytes.length > room) {
      if (this.#options.bodyOverflow === 'error') {
        this.#fail('body-too-large', 'body', `the body exceeds the limit of ${this.#options.maxBodyBytes} bytes`);
        return false;
      }
      if (room > 0) this.#body.push(bytes.subarray(0, room));
      this.#bodyBytes += room;
      this.#truncated = true;
      this.#complete();
      return false;
    }
    if (bytes.length > 0) this.#body.push(bytes);
    this.#bodyBytes += bytes.length;
    return true;
  }

  #bodyBytesStep(): void {
    if (this.#queue.length === 0) return;
    const take = Math.min(this.#remaining, this.#queue.length);
    const bytes = this.#queue.take(take);
    this.#remaining -= take;
    if (!this.#keep(bytes)) return;
    if (this.#remaining > 0) return;
    if (this.#state === 'body-length') this.#complete();
    else this.#state = 'chunk-end';
  }

  #chunkSize(): void {
    const line = this.#line(maxChunkLineBytes);
    if (line === null) {
      this.#fail('bad-chunked-encoding', 'body', `a chunk-size line exceeds ${maxChunkLineBytes} bytes`);
      return;
    }
    if (line === undefined) return;
    // chunk-size [ BWS ";" chunk-ext ]: hex digits, then nothing or the extensions, which are ignored.
    const match = /^([0-9A-Fa-f]+)(?:[ \t]*;.*)?$/s.exec(line);
    if (match === null || line.includes('\r')) {
      this.#fail('bad-chunked-encoding', 'body', `not a chunk size: ${excerpt(line)}`);
      return;
    }
    const digits = (match[1] as string).replace(/^0+(?=.)/, '');
    if (digits.length > maxChunkSizeDigits) {
      this.#fail('bad-chunked-encoding', 'body', `the chunk size ${excerpt(digits)} overflows 64 bits`);
      return;
    }
    const size = digits.length > exactChunkSizeDigits ? Number.POSITIVE_INFINITY : Number.parseInt(digits, 16);
    if (size === 0) {
      this.#state = 'trailers';
      return;
    }
    if (size > this.#options.maxBodyBytes - this.#bodyBytes && this.#options.bodyOverflow === 'error') {
      this.#fail('body-too-large', 'body', `a chunk of 0x${digits} bytes would exceed the body limit of ${this.#options.maxBodyBytes}`);
      return;
    }
    this.#remaining = size;
    this.#state = 'chunk-data';
  }

  #chunkEnd(): void {
    const first = this.#queue.at(0);
    if (first < 0) return;
    if (first === LF) {
      this.#queue.skip(1);
      this.#state = 'chunk-size';
      return;
    }
    const second = this.#queue.at(1);
    if (first === 0x0d && second < 0) return;
    if (first === 0x0d && second === LF) {
      this.#queue.skip(2);
      this.#state = 'chunk-size';
      return;
    }
    this.#fail('bad-chunked-encoding', 'body', 'a chunk is not followed by CRLF: its size does not match its data');
  }

  #trailerLine(): void {
    const budget = this.#options.maxTrailerBytes - this.#trailerBytes;
    const before = this.#queue.length;
    const line = this.#line(Math.max(1, budget));
    if (line === null) {
      this.#fail('header-too-large', 'body', `the trailer section exceeds ${this.#options.maxTrailerBytes} bytes`);
      return;
    }
    if (line === undefined) return;
    this.#trailerBytes += before - this.#queue.length;
    if (line.includes('\r')) {
      this.#fail('bad-chunked-encoding', 'body', `a bare CR in the trailer section: ${excerpt(line)}`);
      return;
    }
    if (line === '') this.#complete();
    else this.#field(line, this.#trailers, 'trailers');
  }

  #complete(): void {
    const body = new Uint8Array(this.#bodyBytes);
    let offset = 0;
    for (const part of this.#body) {
      body.set(part, offset);
      offset += part.length;
    }
    this.#body.length = 0;
    this.#state = 'done';
    this.#progress = {
      state: 'complete',
      response: {
        status: this.#status,
        statusText: this.#statusText,
        httpVersion: this.#version,
        headers: this.#headers,
        trailers: this.#trailers,
        body,
        bodyTruncated: this.#truncated,
        framing: this.#framing,
        reusable: this.#reusable && !this.#truncated && this.#queue.length === 0,
      },
    };
  }
}
