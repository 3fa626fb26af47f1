/**
 * SMTP replies (RFC 5321 §4.2): one or more lines `NNN-text` ending with `NNN text`, read with
 * bounded line length, line count and time, so that a tarpit or a flood ends as a typed failure.
 */
import type { ReadFailureCode, ReadLimits, StreamReader } from '../transport/stream-reader.js';

/** One SMTP reply. */
export interface SmtpReply {
  /** The three-digit code. */
  readonly code: number;
  /** The text of each line, without code and separator. */
  readonly lines: readonly string[];
}

/** Bounds for reading one reply. */
export interface ReplyBounds {
  /** The longest line accepted, in bytes including CRLF (RFC 5321 says 512; servers send more). */
  readonly maxLineBytes: number;
  /** The most lines in one reply. */
  readonly maxLines: number;
}

/** Default reply bounds: four times RFC 5321's reply line limit, and room for a long EHLO list. */
export const defaultReplyBounds: ReplyBounds = Object.freeze({ maxLineBytes: 2048, maxLines: 100 });

/** Why a reply could not be read. */
export interface ReplyFailure {
  /** The kind of failure. */
  readonly code: ReadFailureCode | 'malformed';
  /** One line for people. */
  readonly message: string;
}

const LINE = /^([2-5]\d\d)([ -]?)(.*)$/s;

/** Reads one reply: every line up to the last, which has a space (or nothing) after the code. */
export async function readReply(
  reader: StreamReader,
  limits: ReadLimits,
  bounds: ReplyBounds = defaultReplyBounds,
): Promise<{ readonly reply: SmtpReply } | { readonly failure: ReplyFailure }> {
  const lines: string[] = [];
  let code: number | undefined;
  for (;;) {
    if (lines.length >= bounds.maxLines)
      return { failure: { code: 'too-large', message: `a reply of more than ${bounds.maxLines} lines` } };
    const failure = await reader.fillUntil((buffer) => buffer.includes(0x0a), bounds.maxLineBytes, limits);
    if (failure !== undefined) {
      const message = failure.code === 'too-large' ? `a reply line longer than ${bounds.maxLineBytes} bytes` : failure.message;
      return { failure: { code: failure.code, message } };
    }
    const end = reader.peek(reader.buffered).indexOf(0x0a);
    if (end + 1 > bounds.maxLineBytes)
      return { failure: { code: 'too-large', message: `a reply line longer than ${bounds.maxLineBytes} bytes` } };
    // latin1 keeps every byte as one character, so a non-UTF-8 banner cannot break decoding.
    const line = reader
      .take(end + 1)
      .toString('latin1')
      .replace(/\r?\n$/, '');
    const match = LINE.exec(line);
    if (match === null) return { failure: { code: 'malformed', message: `not an SMTP reply line: ${JSON.stringify(line.slice(0, 80))}` } };
    const lineCode = Number(match[1]);
    if (code !== undefined && lineCode !== code) {
      return { failure: { code: 'malformed', message: `reply code changed from ${code} to ${lineCode} within one reply` } };
    }
    code = lineCode;
    lines.push(match[3] ?? '');
    if (match[2] !== '-') return { reply: { code, lines } };
  }
}
