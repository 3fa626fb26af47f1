import type { DnsAttempt, DnsError, DnsErrorCode } from '../types.js';

/** Servers an error lists at most; its message counts the rest. */
const MAX_LISTED = 32;
/** Characters kept of a server's name and of its failure message. */
const MAX_SERVER_CHARS = 120;
const MAX_MESSAGE_CHARS = 200;
/** Servers the summary message names before it counts the rest. */
const NAMED_IN_SUMMARY = 3;

interface Entry {
  code: DnsErrorCode;
  message: string;
  tries: number;
  /** When the attempt under way started; `undefined` when none is. */
  askedAt: number | undefined;
}

/** One line of bounded length, whatever a server or a socket error put in it. */
function clip(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * What one query asked of which server and how each attempt ended, so that a failure can say
 * what happened. One entry per server, in the order first asked, each with its last outcome;
 * bounded in number and length, since a spec list and a server's error text can be long.
 */
export class AttemptLog {
  readonly #entries = new Map<string, Entry>();
  readonly #unlisted = new Set<string>();
  #last: { readonly server: string; readonly code: DnsErrorCode } | undefined;

  /** Notes that a server is being asked, at `at` (milliseconds since the epoch). */
  asked(server: string, at: number): void {
    const entry = this.#entries.get(server);
    if (entry !== undefined) {
      entry.tries += 1;
      entry.askedAt = at;
    } else if (this.#entries.size < MAX_LISTED) {
      this.#entries.set(server, { code: 'timeout', message: '', tries: 1, askedAt: at });
    } else {
      this.#unlisted.add(server);
    }
  }

  /** Notes how an attempt failed. */
  failed(server: string, error: DnsError): void {
    this.#last = { server, code: error.code };
    const entry = this.#entries.get(server);
    if (entry === undefined) return;
    entry.code = error.code;
    entry.message = clip(error.message, MAX_MESSAGE_CHARS);
    entry.askedAt = undefined;
  }

  /** The server that failed last and how, if any did. */
  get last(): { readonly server: string; readonly code: DnsErrorCode } | undefined {
    return this.#last;
  }

  /** The attempts so far; one still waiting for an answer counts as a timeout so far. */
  attempts(now: number): DnsAttempt[] {
    return [...this.#entries].map(([server, entry]) => ({
      server: clip(server, MAX_SERVER_CHARS),
      code: entry.askedAt === undefined ? entry.code : 'timeout',
      message: entry.askedAt === undefined ? entry.message : `no answer yet after ${Math.max(0, Math.round(now - entry.askedAt))} ms`,
      tries: entry.tries,
    }));
  }

  /**
   * An error that says what happened: `lead`, then the first servers asked with their reasons
   * and a count of the others; `attempts` lists them all (up to 32).
   */
  error(code: DnsErrorCode, lead: string, now: number): DnsError {
    const attempts = this.attempts(now);
    if (attempts.length === 0) return { code, message: `${lead}: no server was asked`, attempts };
    const named = attempts
      .slice(0, NAMED_IN_SUMMARY)
      .map((attempt) => `${attempt.server}: ${attempt.message}${attempt.tries > 1 ? ` (asked ${attempt.tries} times)` : ''}`);
    const others = attempts.length + this.#unlisted.size - named.length;
    return { code, message: `${lead}: ${named.join('; ')}${others > 0 ? ` (and ${others} more)` : ''}`, attempts };
  }
}
