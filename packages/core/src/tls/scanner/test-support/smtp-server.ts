/**
 * A small SMTP server for the scanner's tests: configurable banner, EHLO answer and STARTTLS
 * reply, then TLS with a node:tls secure context on the same socket. It counts connections and
 * the most open at once, so tests can assert "one connection at a time per mail server".
 * Test code only.
 */
import type { Socket } from 'node:net';
import tls from 'node:tls';
import { type TestServer, startTcpServer } from './servers.js';

/** How the test SMTP server behaves. */
export interface SmtpServerOptions {
  /** Banner lines (the last gets `220 `, the others `220-`). Default one line. */
  readonly banner?: readonly string[];
  /** Raw bytes to send instead of a banner (for hostile cases); `null` stays silent. */
  readonly rawBanner?: string | null;
  /** Close the connection right after the (raw) banner. */
  readonly closeAfterBanner?: boolean;
  /** Delay before the banner, in milliseconds (greet pause). */
  readonly bannerDelayMs?: number;
  /** The EHLO reply lines after the greeting line; default `['PIPELINING', 'STARTTLS']`. */
  readonly ehloKeywords?: readonly string[];
  /** A full EHLO reply to send instead (e.g. `'550 no\r\n'`). */
  readonly ehloReply?: string;
  /** The STARTTLS reply; default `'220 ready\r\n'`. */
  readonly starttlsReply?: string;
  /** TLS server options for after STARTTLS; absent: no TLS (the connection is closed after the reply). */
  readonly tls?: tls.SecureContextOptions;
}

/** A running test SMTP server. */
export interface TestSmtpServer extends TestServer {
  /** The most connections open at the same time. */
  readonly maxConcurrent: () => number;
  /** EHLO names received. */
  readonly ehloNames: string[];
}

/** Starts the test SMTP server on 127.0.0.1. */
export async function startTestSmtpServer(options: SmtpServerOptions): Promise<TestSmtpServer> {
  let open = 0;
  let maxOpen = 0;
  const ehloNames: string[] = [];
  const context = options.tls === undefined ? undefined : tls.createSecureContext(options.tls);
  const server = await startTcpServer((socket: Socket) => {
    open++;
    maxOpen = Math.max(maxOpen, open);
    socket.once('close', () => {
      open--;
    });
    socket.on('error', () => undefined);
    const greet = (): void => {
      if (socket.destroyed) return;
      if (options.rawBanner === null) return;
      if (options.rawBanner !== undefined) {
        socket.write(options.rawBanner);
        if (options.closeAfterBanner === true) socket.end();
        return;
      }
      const lines = options.banner ?? ['mail.test ESMTP test'];
      socket.write(lines.map((line, i) => `220${i === lines.length - 1 ? ' ' : '-'}${line}\r\n`).join(''));
    };
    if (options.bannerDelayMs !== undefined) {
      const timer = setTimeout(greet, options.bannerDelayMs);
      socket.once('close', () => clearTimeout(timer));
    } else {
      greet();
    }
    let buffered = '';
    const onData = (data: Buffer): void => {
      buffered += data.toString('latin1');
      for (;;) {
        const end = buffered.indexOf('\r\n');
        if (end < 0) return;
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const verb = line.split(' ')[0]?.toUpperCase();
        if (verb === 'EHLO') {
          ehloNames.push(line.slice(5));
          if (options.ehloReply !== undefined) {
            socket.write(options.ehloReply);
            continue;
          }
          const keywords = options.ehloKeywords ?? ['PIPELINING', 'STARTTLS'];
          const all = ['mail.test greets you', ...keywords];
          socket.write(all.map((k, i) => `250${i === all.length - 1 ? ' ' : '-'}${k}\r\n`).join(''));
        } else if (verb === 'STARTTLS') {
          socket.off('data', onData);
          socket.write(options.starttlsReply ?? '220 ready\r\n');
          if (context === undefined || !(options.starttlsReply ?? '220').startsWith('220')) {
            socket.end();
            return;
          }
          const secure = new tls.TLSSocket(socket, { isServer: true, secureContext: context });
          secure.on('error', () => undefined);
          secure.on('data', () => undefined);
          return;
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
        } else {
          socket.write('502 unknown\r\n');
        }
      }
    };
    socket.on('data', onData);
  });
  return { ...server, maxConcurrent: () => maxOpen, ehloNames };
}
