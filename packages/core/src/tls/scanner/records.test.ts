import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { build } from '../../util/bytes.js';
import { type FlightOutcome, readServerFlight } from './records.js';
import { StreamReader } from '../../transport/stream-reader.js';
import {
  alertRecord,
  certificateMessage,
  certificateStatus,
  ecdheKeyExchange,
  handshake,
  record,
  serverHello,
  serverHelloDone,
} from './test-support/tls-builders.js';

/** Feeds chunks into a stream and reads a flight from it. */
async function read(chunks: readonly (Buffer | 'end' | 'reset')[], idleMs = 200): Promise<FlightOutcome> {
  const stream = new PassThrough();
  const reader = new StreamReader(stream, 200_000);
  try {
    for (const chunk of chunks) {
      if (chunk === 'end') stream.end();
      else if (chunk === 'reset') stream.destroy(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
      else stream.write(chunk);
    }
    return await readServerFlight(reader, { idleMs, deadline: Date.now() + 2_000 });
  } finally {
    reader.detach();
    stream.destroy();
  }
}

const hello12 = serverHello({ version: 0x0303, suite: 0xc02f, renegotiationInfo: true, ems: true, statusRequest: true });
const cert = Uint8Array.from([0x30, 0x03, 1, 2, 3]);

describe('readServerFlight', () => {
  it('reads a TLS 1.2 flight to ServerHelloDone, messages split and joined across records', async () => {
    const all = Buffer.concat([
      hello12,
      certificateMessage([cert]),
      certificateStatus(Uint8Array.from([9])),
      ecdheKeyExchange(29, 0x0804),
      serverHelloDone(),
    ]);
    // Split the handshake stream at odd places over four records, and the bytes over many chunks.
    const records = [
      record(22, all.subarray(0, 10)),
      record(22, all.subarray(10, 61)),
      record(22, all.subarray(61, 62)),
      record(22, all.subarray(62)),
    ];
    const bytes = Buffer.concat(records);
    const chunks = [];
    for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
    const outcome = await read(chunks);
    expect(outcome.kind).toBe('hello');
    if (outcome.kind !== 'hello') return;
    expect(outcome.flight.complete).toBe(true);
    expect(outcome.flight.serverHello.suite).toBe(0xc02f);
    expect(outcome.flight.certificates?.map((c) => [...c])).toEqual([[...cert]]);
    expect([...(outcome.flight.ocspResponse ?? [])]).toEqual([9]);
    expect(outcome.flight.keyExchange).toMatchObject({ kind: 'ecdhe', group: 29, signatureScheme: 0x0804 });
  });

  it('stops right after a TLS 1.3 ServerHello', async () => {
    const sh = serverHello({ version: 0x0303, suite: 0x1302, supportedVersion: 0x0304, keyShareGroup: 29 });
    const outcome = await read([record(22, sh), record(20, Uint8Array.from([1])), record(23, new Uint8Array(50))]);
    expect(outcome).toMatchObject({ kind: 'hello', flight: { complete: true, serverHello: { version: 0x0304, keyShareGroup: 29 } } });
  });

  it('reports an alert before the ServerHello as the outcome', async () => {
    expect(await read([alertRecord(40)])).toMatchObject({ kind: 'alert', description: 40, message: 'fatal alert handshake_failure' });
  });

  it('skips warning alerts but not close_notify', async () => {
    expect(await read([alertRecord(112, 1), alertRecord(70)])).toMatchObject({ kind: 'alert', description: 70 });
    expect(await read([alertRecord(0, 1)])).toMatchObject({ kind: 'alert', description: 0 });
  });

  it('keeps a ServerHello that is followed by an alert, as an incomplete flight', async () => {
    const outcome = await read([record(22, hello12), alertRecord(80)]);
    expect(outcome).toMatchObject({ kind: 'hello', flight: { complete: false, stop: 'fatal alert internal_error' } });
  });

  it('turns garbage into malformed', async () => {
    expect(await read([Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')])).toMatchObject({ kind: 'failure', code: 'malformed' });
  });

  it('turns a truncated record into malformed', async () => {
    expect(await read([record(22, hello12).subarray(0, 20), 'end'])).toMatchObject({ kind: 'failure', code: 'malformed' });
    expect(await read([Buffer.from([22, 3]), 'end'])).toMatchObject({ kind: 'failure', code: 'malformed' });
  });

  it('refuses an oversized record without waiting for it', async () => {
    expect(await read([Buffer.from([22, 3, 3, 0xff, 0xff])])).toMatchObject({ kind: 'failure', code: 'too-large' });
  });

  it('refuses an oversized handshake message', async () => {
    const header = Buffer.from([2, 0x10, 0, 0]);
    expect(await read([record(22, header)])).toMatchObject({ kind: 'failure', code: 'too-large' });
  });

  it('times out on silence and on a partial record', async () => {
    expect(await read([], 50)).toMatchObject({ kind: 'failure', code: 'timeout' });
    expect(await read([record(22, hello12).subarray(0, 30)], 50)).toMatchObject({ kind: 'failure', code: 'timeout' });
  });

  it('reports a close and a reset', async () => {
    expect(await read(['end'])).toMatchObject({ kind: 'failure', code: 'closed' });
    expect(await read(['reset'])).toMatchObject({ kind: 'failure', code: 'reset' });
  });

  it('reports an SSLv2 answer', async () => {
    const message = Uint8Array.from([4, 0, 1, 0, 2, 0, 0, 0, 3, 0, 0, 0x01, 0x00, 0x80]);
    const sslv2 = Buffer.from(build((w) => w.uint(0x8000 | message.length, 2).bytes(message)));
    expect(await read([sslv2])).toMatchObject({ kind: 'sslv2', hello: { version: 2, cipherKinds: [0x010080] } });
    expect(await read([Buffer.from([0x80, 0x03, 0x00, 0x00, 0x01])])).toMatchObject({ kind: 'sslv2', message: 'an SSLv2 ERROR' });
  });

  it('refuses handshake messages before the ServerHello and unparsable ones', async () => {
    expect(await read([record(22, serverHelloDone())])).toMatchObject({ kind: 'failure', code: 'malformed' });
    expect(await read([record(22, handshake(2, Uint8Array.from([3, 3])))])).toMatchObject({ kind: 'failure', code: 'malformed' });
    expect(await read([record(23, new Uint8Array(4))])).toMatchObject({ kind: 'failure', code: 'malformed' });
  });

  it('bounds the number of records (empty records cannot loop it)', async () => {
    const empties = Array.from({ length: 70 }, () => record(22, new Uint8Array(0)));
    expect(await read([record(22, hello12), ...empties])).toMatchObject({
      kind: 'hello',
      flight: { complete: false, stop: 'too many records' },
    });
  });
});

describe('readServerFlight on random and mutated input', () => {
  it('always ends in a typed outcome, never an exception', async () => {
    const valid = Buffer.concat([
      record(22, Buffer.concat([hello12, certificateMessage([cert]), ecdheKeyExchange(29, 0x0804), serverHelloDone()])),
    ]);
    // A fixed pseudo-random sequence, so that a failure can be replayed.
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const kinds = new Set<string>();
    for (let i = 0; i < 300; i++) {
      let input: Buffer;
      if (i % 2 === 0) {
        input = Buffer.from(valid);
        for (let flips = 1 + (next() % 4); flips > 0; flips--) input[next() % input.length] = next() & 0xff;
        input = input.subarray(0, 1 + (next() % input.length));
      } else {
        input = Buffer.from(Array.from({ length: 1 + (next() % 200) }, () => next() & 0xff));
      }
      const outcome = await read([input, 'end'], 50);
      kinds.add(outcome.kind);
      expect(['hello', 'alert', 'sslv2', 'failure']).toContain(outcome.kind);
    }
    expect(kinds.size).toBeGreaterThan(1);
  });
});
