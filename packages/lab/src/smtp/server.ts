/**
 * A minimal SMTP server (RFC 5321) with STARTTLS (RFC 3207) for the lab's mail scenarios: a 220
 * banner, EHLO with a multi-line 250 reply, STARTTLS upgrading to any TLS configuration the lab
 * can serve, and QUIT. It accepts no mail. Options make it misbehave the ways mail servers do: no
 * STARTTLS, STARTTLS refused with 454, a slow banner (tarpit), garbage instead of a banner, and a
 * bound on line length.
 */
import { type Socket, createServer } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { type LabListener, listenTracked } from '../net/listener.js';
import { type LabTlsSetup, createTlsEngine } from '../tls/server.js';

/** How the server treats STARTTLS. */
export type LabStarttlsMode = 'offered' | 'not-offered' | 'refused';

/** Options for {@link startSmtpServer}. */
export interface StartSmtpServerOptions {
  /** The name the server announces in its banner and EHLO reply, e.g. `mx.mail-modern.test`. */
  readonly hostname: string;
  /** The TLS configuration STARTTLS switches to. Without it STARTTLS is never offered. */
  readonly tls?: LabTlsSetup;
  /**
   * `offered` (default with `tls`): listed in EHLO and accepted; `not-offered`: not listed and
   * refused with 502; `refused`: listed, but answered with 454 (TLS not available).
   */
  readonly starttls?: LabStarttlsMode;
  /** Wait this long before the banner, in milliseconds (a tarpit). Default 0. */
  readonly bannerDelayMs?: number;
  /** The banner's reply code; default 220. 554 makes a server that refuses every session. */
  readonly bannerCode?: number;
  /** Send these bytes instead of a banner, then close: a port that does not speak SMTP. */
  readonly garbage?: Uint8Array;
  /** EHLO keywords besides STARTTLS; default PIPELINING, SIZE 10240000, 8BITMIME, ENHANCEDSTATUSCODES. */
  readonly extensions?: readonly string[];
  /** The longest command line accepted, CRLF included; default 512 (RFC 5321 §4.5.3.1.4). Longer: 500 and close. */
  readonly maxLineLength?: number;
  /** Close a session idle this long, in milliseconds; default 30 000. */
  readonly idleTimeoutMs?: number;
  /** The loopback address to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** The port; default an ephemeral one. */
  readonly port?: number;
  /** How many received command lines to keep in {@link LabSmtpServer.received}; default 200. */
  readonly keepLines?: number;
}

/** A running SMTP server. */
export interface LabSmtpServer extends LabListener {
  /** The most recent command lines received (without CRLF), oldest first; those after STARTTLS are prefixed `tls: `. */
  readonly received: readonly string[];
  /** Sessions accepted so far. */
  readonly sessions: number;
  /** The most sessions that were open at the same time (from accept to the socket's close). */
  readonly peakSessions: number;
  /** Sessions that completed a STARTTLS handshake. */
  readonly tlsSessions: number;
}

const defaultExtensions = ['PIPELINING', 'SIZE 10240000', '8BITMIME', 'ENHANCEDSTATUSCODES'];

/**
 * Starts an SMTP server on loopback. Each session: banner, then EHLO/HELO, STARTTLS, NOOP, RSET,
 * MAIL, RCPT (accepted), DATA (refused: the lab takes no mail), QUIT; anything else gets 502.
 *
 * @throws when the TLS configuration is rejected or listening fails
 */
export async function startSmtpServer(options: StartSmtpServerOptions): Promise<LabSmtpServer> {
  const engine = options.tls === undefined ? undefined : createTlsEngine(options.tls);
  const mode: LabStarttlsMode = engine === undefined ? 'not-offered' : (options.starttls ?? 'offered');
  const maxLine = options.maxLineLength ?? 512;
  const keepLines = options.keepLines ?? 200;
  const received: string[] = [];
  let sessions = 0;
  let openSessions = 0;
  let peakSessions = 0;
  let tlsSessions = 0;
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((raw: Socket) => {
    sessions++;
    openSessions++;
    peakSessions = Math.max(peakSessions, openSessions);
    raw.once('close', () => {
      openSessions--;
    });
    raw.on('error', () => raw.destroy());
    raw.setTimeout(options.idleTimeoutMs ?? 30_000, () => raw.destroy());
    let stream: Socket | TLSSocket = raw;
    let secure = false;
    let buffer = '';
    let closed = false;
    raw.once('close', () => {
      closed = true;
    });

    const reply = (text: string): void => {
      if (!closed && stream.writable) stream.write(`${text}\r\n`);
    };
    const multiline = (code: number, lines: readonly string[]): void => {
      reply(lines.map((line, i) => `${code}${i === lines.length - 1 ? ' ' : '-'}${line}`).join('\r\n'));
    };

    const command = (line: string): 'continue' | 'stop' => {
      received.push(secure ? `tls: ${line}` : line);
      if (received.length > keepLines) received.shift();
      const verb = (line.split(' ')[0] ?? '').toUpperCase();
      switch (verb) {
        case 'EHLO': {
          const keywords = [...(options.extensions ?? defaultExtensions)];
          // Not last, as in Postfix's reply: clients must read every line, not just the final one.
          if (!secure && mode !== 'not-offered') keywords.splice(Math.max(0, keywords.length - 1), 0, 'STARTTLS');
          multiline(250, [`${options.hostname} greets ${line.slice(5).trim() || 'you'}`, ...keywords]);
          return 'continue';
        }
        case 'HELO':
          reply(`250 ${options.hostname}`);
          return 'continue';
        case 'STARTTLS':
          if (secure) reply('503 5.5.1 TLS already active');
          else if (mode === 'not-offered' || engine === undefined) reply('502 5.5.1 STARTTLS not supported');
          else if (mode === 'refused') reply('454 4.7.0 TLS not available due to temporary reason');
          else {
            // Stop reading before answering, so that the ClientHello stays in the kernel for the TLS layer to read.
            raw.off('data', onData);
            raw.pause();
            buffer = '';
            raw.write('220 2.0.0 Ready to start TLS\r\n', () => upgrade());
            return 'stop';
          }
          return 'continue';
        case 'NOOP':
        case 'RSET':
          reply('250 2.0.0 OK');
          return 'continue';
        case 'MAIL':
        case 'RCPT':
          reply('250 2.1.0 OK');
          return 'continue';
        case 'DATA':
          reply('554 5.3.0 the pastoe lab accepts no mail');
          return 'continue';
        case 'QUIT':
          reply(`221 2.0.0 ${options.hostname} closing connection`);
          stream.end();
          return 'stop';
        default:
          reply('502 5.5.2 command not recognized');
          return 'continue';
      }
    };

    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('latin1');
      for (;;) {
        const newline = buffer.indexOf('\n');
        if (newline < 0) {
          if (buffer.length >= maxLine) tooLong();
          return;
        }
        if (newline + 1 > maxLine) {
          tooLong();
          return;
        }
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (command(line) === 'stop') return;
      }
    };
    const tooLong = (): void => {
      reply('500 5.5.2 line too long');
      stream.end();
      stream.off('data', onData);
    };

    // Whatever the client pipelined after STARTTLS was sent in the clear and is dropped with the buffer (RFC 3207 §5, CVE-2011-0411).
    const upgrade = (): void => {
      if (closed) return;
      const tls = (engine as NonNullable<typeof engine>).upgrade(raw);
      stream = tls;
      tls.once('secure', () => {
        secure = true;
        tlsSessions++;
        tls.on('data', onData);
      });
    };

    const greet = (): void => {
      if (closed) return;
      if (options.garbage !== undefined) {
        raw.end(Buffer.from(options.garbage));
        return;
      }
      const code = options.bannerCode ?? 220;
      reply(`${code} ${options.hostname} ESMTP pastoe lab${code === 220 ? '' : ' refuses service'}`);
      if (code !== 220) {
        raw.end();
        return;
      }
      raw.on('data', onData);
    };
    const delay = options.bannerDelayMs ?? 0;
    if (delay > 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        greet();
      }, delay);
      timers.add(timer);
      raw.once('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
    } else {
      greet();
    }
  });
  const listener = await listenTracked(server, options.host ?? '127.0.0.1', options.port ?? 0);
  return {
    host: listener.host,
    port: listener.port,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await listener.close();
    },
    get received() {
      return [...received];
    },
    get sessions() {
      return sessions;
    },
    get peakSessions() {
      return peakSessions;
    },
    get tlsSessions() {
      return tlsSessions;
    },
  };
}
