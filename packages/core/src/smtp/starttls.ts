/**
 * The SMTP dialogue before TLS (RFC 5321, RFC 3207): read the 220 banner, say EHLO, ask for
 * STARTTLS. Every step has its own time limit, because mail servers delay on purpose (greet
 * pause, tarpits) and a scan must not wait on them forever; every reply is bounded in size.
 * There is no fallback to HELO: a server that refuses EHLO cannot offer STARTTLS, and that is
 * what the observation reports.
 */
import type { Duplex } from 'node:stream';
import type { StarttlsObservation } from '../tls/types.js';
import { StreamReader } from '../transport/stream-reader.js';
import { type ReplyBounds, type SmtpReply, defaultReplyBounds, readReply } from './reply.js';

/** Time limits and bounds for the dialogue. */
export interface StarttlsOptions {
  /** The name to announce with EHLO. */
  readonly ehloName: string;
  /** Aborts the dialogue. */
  readonly signal?: AbortSignal;
  /** The longest wait for the complete 220 banner, in milliseconds. Default 30 000. */
  readonly bannerTimeoutMs?: number;
  /** The longest wait for the complete reply to EHLO and to STARTTLS, in milliseconds. Default 15 000. */
  readonly commandTimeoutMs?: number;
  /** Reply size bounds. */
  readonly replyBounds?: ReplyBounds;
  /** The most bytes the whole dialogue may receive. Default 64 KiB. */
  readonly maxBytes?: number;
}

/** Why the dialogue did not reach TLS. */
export type StarttlsFailureCode = 'timeout' | 'closed' | 'reset' | 'aborted' | 'too-large' | 'malformed' | 'protocol';

/** The outcome: ready for a ClientHello, or the reason why not. Both carry what was observed. */
export type StarttlsResult =
  | { readonly ok: true; readonly observation: StarttlsObservation }
  | { readonly ok: false; readonly observation: StarttlsObservation; readonly code: StarttlsFailureCode; readonly message: string };

const MAX_BANNER_CHARS = 512;

/** Whether a name may follow EHLO: a domain or an address literal (RFC 5321 §4.1.1.1), no spaces or control characters. */
export function isValidEhloName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (/^\[[0-9A-Fa-f:.]+\]$/.test(name) || /^\[IPv6:[0-9A-Fa-f:.]+\]$/.test(name)) return true;
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/.test(name);
}

function keywordsOf(reply: SmtpReply): string[] {
  // The first line greets; each further line starts with a keyword (RFC 5321 §4.1.1.1).
  const out: string[] = [];
  for (const line of reply.lines.slice(1)) {
    const keyword = line.trim().split(/\s+/)[0]?.toUpperCase();
    if (keyword !== undefined && keyword !== '' && !out.includes(keyword)) out.push(keyword);
  }
  return out;
}

function printable(text: string): string {
  // Replies are untrusted: keep them to one bounded line of visible characters.
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > MAX_BANNER_CHARS ? `${clean.slice(0, MAX_BANNER_CHARS)}…` : clean;
}

function describe(reply: SmtpReply): string {
  return `${reply.code} ${printable(reply.lines[0] ?? '')}`.trim();
}

function write(socket: Duplex, line: string): boolean {
  if (!socket.writable) return false;
  socket.write(`${line}\r\n`, 'latin1');
  return true;
}

/**
 * Runs the dialogue on a fresh connection. On success the connection is ready for a
 * ClientHello, and nothing the server sent is left unread (a server that sends bytes after its
 * 220 to STARTTLS is refused: those bytes could be an injection). The reader it used is
 * detached and the stream paused either way.
 *
 * @throws TypeError when the EHLO name is not a valid domain or address literal
 */
export async function negotiateStarttls(socket: Duplex, options: StarttlsOptions): Promise<StarttlsResult> {
  if (!isValidEhloName(options.ehloName)) throw new TypeError(`invalid EHLO name ${JSON.stringify(options.ehloName)}`);
  const bounds = options.replyBounds ?? defaultReplyBounds;
  const bannerMs = options.bannerTimeoutMs ?? 30_000;
  const commandMs = options.commandTimeoutMs ?? 15_000;
  const reader = new StreamReader(socket, options.maxBytes ?? 65_536);
  let banner: string | undefined;
  let keywords: string[] = [];
  let offered = false;

  const observation = (accepted: boolean, error?: string): StarttlsObservation => ({
    ...(banner === undefined ? {} : { banner }),
    ehloKeywords: keywords,
    offered,
    accepted,
    ...(error === undefined ? {} : { error }),
  });
  const fail = (code: StarttlsFailureCode, message: string): StarttlsResult => ({
    ok: false,
    observation: observation(false, message),
    code,
    message,
  });
  const step = (ms: number) => ({
    idleMs: ms,
    deadline: Date.now() + ms,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });

  try {
    const greeting = await readReply(reader, step(bannerMs), bounds);
    if ('failure' in greeting) return fail(greeting.failure.code, `banner: ${greeting.failure.message}`);
    banner = printable(greeting.reply.lines[0] ?? '');
    if (greeting.reply.code !== 220) return fail('protocol', `the server greeted with ${describe(greeting.reply)}`);

    if (!write(socket, `EHLO ${options.ehloName}`)) return fail('closed', 'the connection closed before EHLO');
    const ehlo = await readReply(reader, step(commandMs), bounds);
    if ('failure' in ehlo) return fail(ehlo.failure.code, `EHLO: ${ehlo.failure.message}`);
    if (ehlo.reply.code !== 250) return fail('protocol', `EHLO was answered ${describe(ehlo.reply)}`);
    keywords = keywordsOf(ehlo.reply);
    offered = keywords.includes('STARTTLS');
    if (!offered) return fail('protocol', 'the server does not offer STARTTLS');

    if (!write(socket, 'STARTTLS')) return fail('closed', 'the connection closed before STARTTLS');
    const answer = await readReply(reader, step(commandMs), bounds);
    if ('failure' in answer) return fail(answer.failure.code, `STARTTLS: ${answer.failure.message}`);
    if (answer.reply.code !== 220) return fail('protocol', `STARTTLS was answered ${describe(answer.reply)}`);
    if (reader.buffered > 0) return fail('protocol', 'the server sent data after its reply to STARTTLS');
    return { ok: true, observation: observation(true) };
  } finally {
    reader.detach();
  }
}
