import { once } from 'node:events';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isBrokenPipe, processIo } from './process-io.js';

/** A stream that takes `accepts` writes, then fails every further write with `error`. */
function failingAfter(accepts: number, error: Error): Writable & { readonly received: string[] } {
  const received: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (received.length >= accepts) return callback(error);
      received.push(chunk.toString());
      callback();
    },
  });
  return Object.assign(stream, { received });
}

function brokenPipe(): Error {
  return Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' });
}

describe('processIo', () => {
  it('stops writing and aborts outputClosed with the cause when standard output fails', async () => {
    const stdout = failingAfter(1, brokenPipe());
    const stderr = failingAfter(10, new Error('unused'));
    const { io, outputClosed } = processIo(stdout, stderr);
    io.out('first\n');
    io.out('second\n');
    await once(outputClosed, 'abort');
    io.out('third\n');
    io.err('still reported\n');
    expect(stdout.received).toEqual(['first\n']);
    expect(stderr.received).toEqual(['still reported\n']);
    expect(isBrokenPipe(outputClosed.reason)).toBe(true);
  });

  it('reports other output failures as what they are, not as a closed pipe', async () => {
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const { io, outputClosed } = processIo(failingAfter(0, full), failingAfter(10, new Error('unused')));
    io.out('x');
    await once(outputClosed, 'abort');
    expect(outputClosed.reason).toBe(full);
    expect(isBrokenPipe(outputClosed.reason)).toBe(false);
  });

  it('drops what standard error cannot take, without an uncaught error', async () => {
    const stderr = failingAfter(0, brokenPipe());
    const { io } = processIo(failingAfter(10, new Error('unused')), stderr);
    const closed = new Promise((resolve) => stderr.on('close', resolve));
    io.err('lost\n');
    await closed;
    io.err('dropped\n');
    expect(stderr.received).toEqual([]);
  });
});
