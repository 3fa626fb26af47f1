import { describe, expect, it } from 'vitest';
import { HttpResponseParser, type ParseProgress, type ParserOptions } from './response-parser.js';

const limits: ParserOptions = {
  method: 'GET',
  bodyOverflow: 'truncate',
  maxHeaderBytes: 65_536,
  maxHeaderCount: 256,
  maxLineBytes: 32_768,
  maxBodyBytes: 1_048_576,
  maxTrailerBytes: 16_384,
};

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

function parse(text: string | Uint8Array, options: Partial<ParserOptions> = {}, end = false): ParseProgress {
  const parser = new HttpResponseParser({ ...limits, ...options });
  const progress = parser.push(typeof text === 'string' ? bytes(text) : text);
  return end ? parser.end() : progress;
}

/** Feeds one byte at a time: the result must not depend on how the bytes were split. */
function parseBytewise(text: string, options: Partial<ParserOptions> = {}): ParseProgress {
  const parser = new HttpResponseParser({ ...limits, ...options });
  let progress: ParseProgress = { state: 'incomplete' };
  for (const byte of bytes(text)) progress = parser.push(Uint8Array.of(byte));
  return progress;
}

function complete(progress: ParseProgress) {
  if (progress.state !== 'complete') throw new Error(`expected a complete response, got ${JSON.stringify(progress)}`);
  return progress.response;
}

function failure(progress: ParseProgress) {
  if (progress.state !== 'failed') throw new Error(`expected a failure, got ${progress.state}`);
  return progress.error;
}

const text = (body: Uint8Array): string => Buffer.from(body).toString('latin1');

describe('HttpResponseParser: the head', () => {
  it('reads status, headers in order with duplicates, names lowercased, values trimmed', () => {
    const raw = 'HTTP/1.1 200 OK\r\nContent-Type:  text/plain \r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nContent-Length: 5\r\n\r\nhello';
    for (const progress of [parse(raw), parseBytewise(raw)]) {
      const response = complete(progress);
      expect(response).toMatchObject({ status: 200, statusText: 'OK', httpVersion: '1.1', framing: 'content-length', reusable: true });
      expect(response.headers).toEqual([
        ['content-type', 'text/plain'],
        ['set-cookie', 'a=1'],
        ['set-cookie', 'b=2'],
        ['content-length', '5'],
      ]);
      expect(text(response.body)).toBe('hello');
    }
  });

  it('accepts a missing reason phrase, bare LF line ends and obs-fold', () => {
    const response = complete(parse('HTTP/1.1 204\nX-Long: one\n  two\n\n'));
    expect(response).toMatchObject({ status: 204, statusText: '', framing: 'none' });
    expect(response.headers).toEqual([['x-long', 'one two']]);
  });

  it('keeps the connection only for HTTP/1.1 without Connection: close', () => {
    expect(complete(parse('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n')).reusable).toBe(false);
    expect(complete(parse('HTTP/1.1 200 OK\r\nConnection: keep-alive, Close\r\nContent-Length: 0\r\n\r\n')).reusable).toBe(false);
    expect(complete(parse('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n')).reusable).toBe(true);
  });

  it('refuses what is not an HTTP/1.x response head', () => {
    expect(failure(parse('SSH-2.0-OpenSSH_9.6\r\n'))).toMatchObject({ code: 'malformed-response', stage: 'headers' });
    expect(failure(parse('HTTP/2.0 200 OK\r\n')).message).toContain('is not HTTP/1.x');
    expect(failure(parse('HTTP/1.1 600 Odd\r\n')).code).toBe('malformed-response');
    expect(failure(parse('HTTP/1.1 20 OK\r\n')).code).toBe('malformed-response');
    expect(failure(parse('HTTP/1.1 200 OK\r\nName : value\r\n')).message).toContain('not a valid header field line');
    expect(failure(parse('HTTP/1.1 200 OK\r\n folded: first\r\n')).message).toContain('starts with whitespace');
    expect(failure(parse('HTTP/1.1 200 OK\r\nA: b\rInjected: yes\r\n')).message).toContain('bare CR');
    expect(failure(parse('HTTP/1.1 200 OK\r\nA: b\x00c\r\n')).message).toContain('control characters');
    expect(failure(parse('HTTP/1.1 200 OK\r\nno colon here\r\n')).code).toBe('malformed-response');
    expect(failure(parse('HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n')).message).toContain('switched protocols');
  });

  it('skips interim responses, up to a bound', () => {
    const response = complete(
      parse(
        'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok',
      ),
    );
    expect(response.status).toBe(200);
    expect(response.headers).toEqual([['content-length', '2']]);
    expect(failure(parse('HTTP/1.1 100 Continue\r\n\r\n'.repeat(9))).message).toContain('interim');
  });

  it('bounds the head: total bytes, line length and field count', () => {
    const many = `HTTP/1.1 200 OK\r\n${'X-A: b\r\n'.repeat(300)}\r\n`;
    expect(failure(parse(many))).toMatchObject({ code: 'header-too-large', message: 'more than 256 header fields' });
    const long = `HTTP/1.1 200 OK\r\nX-Long: ${'a'.repeat(40_000)}\r\n\r\n`;
    expect(failure(parse(long)).message).toBe('a line of the response head exceeds 32768 bytes');
    const endless = `HTTP/1.1 200 OK\r\n${'X-Filler: 0123456789012345678901234567890123456789\r\n'.repeat(2_000)}`;
    expect(failure(parse(endless, { maxHeaderCount: 10_000 })).message).toBe('the response head exceeds 65536 bytes');
    // A line that never ends fails as soon as the limit is passed, not when the server stops.
    const parser = new HttpResponseParser({ ...limits, maxHeaderBytes: 1_000 });
    parser.push(bytes('HTTP/1.1 200 OK\r\nX-Never-Ending: '));
    let progress: ParseProgress = { state: 'incomplete' };
    for (let i = 0; i < 100 && progress.state === 'incomplete'; i++) progress = parser.push(bytes('a'.repeat(100)));
    expect(failure(progress).code).toBe('header-too-large');
    expect(parser.bytesReceived).toBeLessThan(1_200);
  });

  it('reads a large head fed one byte at a time', () => {
    const head = `HTTP/1.1 200 OK\r\n${'X-Filler: 0123456789012345678901234567890123456789\r\n'.repeat(1_000)}Content-Length: 0\r\n\r\n`;
    const response = complete(parseBytewise(head, { maxHeaderCount: 2_000 }));
    expect(response.headers).toHaveLength(1_001);
  });
});

describe('HttpResponseParser: framing', () => {
  it('HEAD, 204 and 304 have no body whatever the headers say', () => {
    expect(complete(parse('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n', { method: 'HEAD' }))).toMatchObject({
      framing: 'none',
      body: new Uint8Array(0),
      reusable: true,
    });
    expect(complete(parse('HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n')).framing).toBe('none');
  });

  it('accepts repeated equal Content-Length values and refuses conflicting or non-numeric ones', () => {
    expect(text(complete(parse('HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 3, 3\r\n\r\nabc')).body)).toBe('abc');
    expect(failure(parse('HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd')).message).toContain('conflicting');
    expect(failure(parse('HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n')).code).toBe('malformed-response');
    expect(failure(parse('HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n')).code).toBe('malformed-response');
    expect(failure(parse('HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\n')).code).toBe('malformed-response');
  });

  it('takes no more than Content-Length; what follows makes the connection unusable', () => {
    const parser = new HttpResponseParser(limits);
    const response = complete(parser.push(bytes('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello, and more')));
    expect(text(response.body)).toBe('hello');
    expect(response.reusable).toBe(false);
    expect(parser.excessBytes).toBe(10);
    parser.push(bytes('even more'));
    expect(parser.excessBytes).toBe(19);
  });

  it('reads until close without framing, and says so', () => {
    const parser = new HttpResponseParser(limits);
    expect(parser.push(bytes('HTTP/1.1 200 OK\r\n\r\nsome ')).state).toBe('incomplete');
    parser.push(bytes('body'));
    const response = complete(parser.end());
    expect(response).toMatchObject({ framing: 'close', reusable: false });
    expect(text(response.body)).toBe('some body');
  });

  it('refuses Transfer-Encoding in HTTP/1.0 and chunked twice; lets it win over Content-Length', () => {
    expect(failure(parse('HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n')).code).toBe('malformed-response');
    expect(failure(parse('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n')).message).toContain('more than once');
    const both = complete(parse('HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n'));
    expect(both).toMatchObject({ framing: 'chunked', reusable: false });
    expect(text(both.body)).toBe('abc');
    const gzipOnly = new HttpResponseParser(limits);
    gzipOnly.push(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n\x1f\x8b'));
    expect(complete(gzipOnly.end())).toMatchObject({ framing: 'close', reusable: false });
  });
});

describe('HttpResponseParser: chunked', () => {
  it('reads chunks with extensions and trailers, however the bytes are split', () => {
    const raw =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n001 ; x\r\n,\r\n6\r\n world\r\n0\r\nX-Checksum: 42\r\n\r\n';
    for (const progress of [parse(raw), parseBytewise(raw)]) {
      const response = complete(progress);
      expect(text(response.body)).toBe('hello, world');
      expect(response.trailers).toEqual([['x-checksum', '42']]);
      expect(response).toMatchObject({ framing: 'chunked', reusable: true });
    }
  });

  it('refuses chunk sizes that are not hex, and data not followed by CRLF', () => {
    const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n';
    expect(failure(parse(`${head}xyz\r\n`))).toMatchObject({ code: 'bad-chunked-encoding', stage: 'body' });
    expect(failure(parse(`${head}0x10\r\n`)).code).toBe('bad-chunked-encoding');
    expect(failure(parse(`${head}+5\r\nhello\r\n`)).code).toBe('bad-chunked-encoding');
    expect(failure(parse(`${head} 5\r\nhello\r\n`)).code).toBe('bad-chunked-encoding');
    expect(failure(parse(`${head}\r\n`)).code).toBe('bad-chunked-encoding');
    expect(failure(parse(`${head}3\r\nhello\r\n0\r\n\r\n`)).message).toContain('not followed by CRLF');
    expect(failure(parse(`${head}5\r\nhelloXX`)).code).toBe('bad-chunked-encoding');
    expect(failure(parse(`${head}5${';x'.repeat(3_000)}\r\n`)).message).toContain('chunk-size line exceeds');
    expect(failure(parse(`${head}0\r\nBad Trailer\r\n\r\n`)).code).toBe('bad-chunked-encoding');
  });

  it('never overflows on a huge chunk size: too large for the body, or for 64 bits', () => {
    const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n';
    expect(failure(parse(`${head}ffffffffffffffff\r\nabc`, { bodyOverflow: 'error' }))).toMatchObject({ code: 'body-too-large' });
    const truncated = complete(parse(`${head}ffffffffffffffff\r\n${'a'.repeat(2_000)}`, { maxBodyBytes: 1_000 }));
    expect(truncated).toMatchObject({ bodyTruncated: true, reusable: false });
    expect(truncated.body).toHaveLength(1_000);
    expect(failure(parse(`${head}1ffffffffffffffff\r\n`)).message).toContain('overflows 64 bits');
    // Leading zeros are not significant digits.
    expect(text(complete(parse(`${head}00000000000000000000000000002\r\nok\r\n0\r\n\r\n`)).body)).toBe('ok');
  });

  it('bounds the trailers', () => {
    const raw = `HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n${'X-T: v\r\n'.repeat(100)}\r\n`;
    expect(failure(parse(raw, { maxTrailerBytes: 200 }))).toMatchObject({ code: 'header-too-large', stage: 'body' });
  });
});

describe('HttpResponseParser: body limits and early close', () => {
  it('truncates or fails at the body limit', () => {
    const raw = `HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n${'b'.repeat(20)}`;
    const truncated = complete(parse(raw, { maxBodyBytes: 8 }));
    expect(truncated).toMatchObject({ bodyTruncated: true, reusable: false });
    expect(text(truncated.body)).toBe('bbbbbbbb');
    // A Content-Length over the limit fails before any body byte arrives.
    expect(failure(parse('HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\n', { maxBodyBytes: 8, bodyOverflow: 'error' })).code).toBe(
      'body-too-large',
    );
    const closeDelimited = new HttpResponseParser({ ...limits, maxBodyBytes: 4, bodyOverflow: 'error' });
    closeDelimited.push(bytes('HTTP/1.1 200 OK\r\n\r\n'));
    expect(failure(closeDelimited.push(bytes('12345'))).code).toBe('body-too-large');
  });

  it('says where the server closed the connection', () => {
    expect(failure(parse('', {}, true))).toEqual({
      code: 'closed',
      stage: 'headers',
      message: 'the server closed the connection without answering',
    });
    expect(failure(parse('HTTP/1.1 200 OK\r\nContent-Ty', {}, true))).toMatchObject({ code: 'closed', stage: 'headers' });
    expect(failure(parse('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc', {}, true))).toEqual({
      code: 'closed',
      stage: 'body',
      message: 'the server closed the connection after 3 of the 10 body bytes its Content-Length announced',
    });
    expect(failure(parse('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab', {}, true)).stage).toBe('body');
    // After the last chunk, a missing final CRLF loses nothing.
    expect(complete(parse('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n', {}, true))).toMatchObject({
      reusable: false,
    });
  });
});

describe('HttpResponseParser: mutated input', () => {
  it('never throws and always ends in a definite state, whatever the bytes', () => {
    const seeds = [
      'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello',
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n0\r\nT: v\r\n\r\n',
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 301 Moved\r\nLocation: /x\r\n\r\nbody',
    ];
    // A fixed linear congruential generator: the same cases on every run.
    let state = 42;
    const random = (below: number): number => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % below;
    };
    for (let round = 0; round < 3_000; round++) {
      const input = bytes(seeds[round % seeds.length] as string);
      for (let edits = random(4) + 1; edits > 0; edits--) input[random(input.length)] = random(256);
      const parser = new HttpResponseParser({ ...limits, maxBodyBytes: 16, maxHeaderBytes: 256, method: round % 7 === 0 ? 'HEAD' : 'GET' });
      const cut = random(input.length + 1);
      parser.push(input.subarray(0, cut));
      parser.push(input.subarray(cut));
      const final = parser.end();
      expect(['complete', 'failed']).toContain(final.state);
      if (final.state === 'complete') expect(final.response.body.length).toBeLessThanOrEqual(16);
    }
  });
});
