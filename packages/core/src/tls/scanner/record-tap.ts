/**
 * A pass-through stream between a connection and node:tls that reads the TLS record layer of
 * what the server sends. node:tls gives no event for a warning alert (a server refusing a
 * client-initiated renegotiation answers with a `no_renegotiation` warning, RFC 5746 §4.2, and
 * keeps the connection open), but every record's header stays readable: its content type is in
 * the clear even when the record itself is encrypted.
 */
import { Duplex } from 'node:stream';

/** The record header's length: content type, version, length (RFC 5246 §6.2.1). */
const HEADER_BYTES = 5;

/** A stream node:tls can run over, and the record content types the server sent through it. */
export interface RecordTap {
  /** Give this to `tls.connect({ socket })`. */
  readonly stream: Duplex;
  /** Calls `listener` with each record's content type as its header arrives; returns the unsubscribe function. */
  onRecord(listener: (contentType: number) => void): () => void;
}

/**
 * Wraps `socket`: bytes pass both ways unchanged, with back-pressure; destroying the wrapper
 * detaches it from the socket but leaves the socket to its owner.
 */
export function tapRecords(socket: Duplex): RecordTap {
  const listeners = new Set<(contentType: number) => void>();
  const header = new Uint8Array(HEADER_BYTES);
  let headerFill = 0;
  let bodyLeft = 0;

  const scan = (chunk: Uint8Array): void => {
    let offset = 0;
    while (offset < chunk.length) {
      if (bodyLeft > 0) {
        const skip = Math.min(bodyLeft, chunk.length - offset);
        bodyLeft -= skip;
        offset += skip;
        continue;
      }
      header[headerFill++] = chunk[offset++] ?? 0;
      if (headerFill < HEADER_BYTES) continue;
      headerFill = 0;
      bodyLeft = ((header[3] ?? 0) << 8) | (header[4] ?? 0);
      const contentType = header[0] ?? 0;
      for (const listener of [...listeners]) listener(contentType);
    }
  };

  const onData = (chunk: Buffer): void => {
    scan(chunk);
    if (!stream.push(chunk)) socket.pause();
  };
  const onEnd = (): void => {
    stream.push(null);
  };
  const onError = (error: Error): void => {
    stream.destroy(error);
  };
  const onClose = (): void => {
    stream.destroy();
  };
  const detach = (): void => {
    socket.off('data', onData);
    socket.off('end', onEnd);
    socket.off('error', onError);
    socket.off('close', onClose);
    listeners.clear();
  };

  const stream = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _encoding, callback) {
      if (!socket.writable) {
        callback(new Error('the connection is closed'));
        return;
      }
      socket.write(chunk, (error) => callback(error ?? null));
    },
    final(callback) {
      callback();
    },
    destroy(error, callback) {
      detach();
      callback(error);
    },
  });
  socket.on('data', onData);
  socket.on('end', onEnd);
  socket.on('error', onError);
  socket.on('close', onClose);

  return {
    stream,
    onRecord(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
