/**
 * A fake TLS server for the scanner's tests: it parses the ClientHello and answers with a
 * crafted plaintext flight (ServerHello, Certificate, ServerKeyExchange, ServerHelloDone, or a
 * TLS 1.3 ServerHello/HelloRetryRequest), with behaviour no TLS library offers: no
 * renegotiation_info, no EMS, DEFLATE, SHA-1 signatures, hello intolerance. It never completes
 * a handshake, which is all the raw scanner needs. Test code only.
 */
import type { Socket } from 'node:net';
import { ExtensionType } from '../constants.js';
import { startScriptedServer, type TestServer } from './servers.js';
import {
  alertRecord,
  certificateMessage,
  ecdheKeyExchange,
  type ParsedClientHello,
  parseClientHelloRecord,
  record,
  serverHello,
  serverHelloDone,
} from './tls-builders.js';

/** How the fake server behaves. */
export interface FakeTlsBehaviour {
  /** Versions it speaks (wire codes). */
  readonly versions: readonly number[];
  /** Suites it accepts, in its order of preference (it imposes its order). */
  readonly suites: readonly number[];
  /** Send renegotiation_info. Default true. */
  readonly renegotiationInfo?: boolean;
  /** Send extended_master_secret when offered. Default true. */
  readonly ems?: boolean;
  /** Choose DEFLATE when offered. */
  readonly deflate?: boolean;
  /** Sign the key exchange with SHA-1 (0x0201) when the client offers only SHA-1 schemes. */
  readonly sha1WhenAsked?: boolean;
  /** The ECDHE group at TLS ≤ 1.2 (default 23) and the TLS 1.3 group (default 29; a HelloRetryRequest asks for it when no share was sent). */
  readonly group?: number;
  /** The certificate DER to send. */
  readonly certificate?: Uint8Array;
  /** Reset connections whose hello this says the server cannot stand. */
  readonly intolerant?: (hello: ParsedClientHello) => boolean;
  /** Answer SSLv2 CLIENT-HELLOs with a SERVER-HELLO. */
  readonly sslv2?: boolean;
}

const SHA1_ONLY = [0x0203, 0x0201, 0x0202];

function answer(socket: Socket, first: Buffer, b: FakeTlsBehaviour): void {
  if (((first[0] as number) & 0x80) !== 0) {
    if (b.sslv2 === true) {
      // MSG-SERVER-HELLO: no session, X.509, version 2, a 3-byte "certificate", one cipher kind, 16-byte id.
      const message = Buffer.from([4, 0, 1, 0, 2, 0, 3, 0, 3, 0, 16, 0x30, 0x01, 0x00, 0x01, 0x00, 0x80, ...new Array<number>(16).fill(1)]);
      socket.end(Buffer.concat([Buffer.from([0x80 | (message.length >> 8), message.length & 0xff]), message]));
    } else {
      socket.destroy();
    }
    return;
  }
  let hello: ParsedClientHello;
  try {
    hello = parseClientHelloRecord(first);
  } catch {
    socket.end(alertRecord(50));
    return;
  }
  if (b.intolerant?.(hello) === true) {
    socket.resetAndDestroy();
    return;
  }
  const certificate = certificateMessage([b.certificate ?? Uint8Array.from([0x30, 0x03, 0x02, 0x01, 0x01])]);
  if (hello.supportedVersions?.includes(0x0304) === true) {
    if (!b.versions.includes(0x0304)) {
      socket.end(alertRecord(70));
      return;
    }
    const suite = b.suites.find((s) => s >> 8 === 0x13 && hello.suites.includes(s));
    const group = b.group ?? 29;
    if (suite === undefined || hello.groups?.includes(group) !== true) {
      socket.end(alertRecord(40));
      return;
    }
    const helloRetry = hello.keyShareGroups?.includes(group) !== true;
    socket.end(record(22, serverHello({ version: 0x0303, suite, supportedVersion: 0x0304, keyShareGroup: group, helloRetry })));
    return;
  }
  const version = [...b.versions].filter((v) => v <= hello.version && v < 0x0304).sort((x, y) => y - x)[0];
  if (version === undefined) {
    socket.end(alertRecord(70));
    return;
  }
  const suite = b.suites.find((s) => hello.suites.includes(s));
  if (suite === undefined) {
    socket.end(alertRecord(40));
    return;
  }
  const onlySha1 = hello.signatureSchemes?.every((s) => SHA1_ONLY.includes(s)) === true;
  const scheme = version < 0x0303 ? undefined : b.sha1WhenAsked === true && onlySha1 ? 0x0201 : 0x0804;
  if (version === 0x0303 && onlySha1 && b.sha1WhenAsked !== true) {
    socket.end(alertRecord(40));
    return;
  }
  const flight = Buffer.concat([
    serverHello({
      version,
      suite,
      compression: b.deflate === true && hello.compression.includes(1) ? 1 : 0,
      renegotiationInfo: b.renegotiationInfo ?? true,
      ems: (b.ems ?? true) && hello.extensions.has(ExtensionType.extendedMasterSecret),
    }),
    certificate,
    ecdheKeyExchange(b.group ?? 23, scheme),
    serverHelloDone(),
  ]);
  socket.end(record(22, flight, version));
}

/** Starts the fake TLS server on 127.0.0.1. */
export function startFakeTlsServer(behaviour: FakeTlsBehaviour): Promise<TestServer> {
  return startScriptedServer((socket, first) => answer(socket, first, behaviour));
}
