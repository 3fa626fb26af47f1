import { describe, expect, it } from 'vitest';
import { prepareRequest } from './request.js';

function head(request: Parameters<typeof prepareRequest>[0]): string {
  const prepared = prepareRequest(request, 'pastoe-test');
  if (!prepared.ok) throw new Error(prepared.message);
  return Buffer.from(prepared.prepared.head).toString('latin1');
}

describe('prepareRequest', () => {
  it('writes the request head: target without fragment, Host with a non-default port, defaults replaced by the caller', () => {
    expect(head({ url: 'https://Example.NL/a%20b?x=1#frag', ip: '192.0.2.1' })).toBe(
      'GET /a%20b?x=1 HTTP/1.1\r\nHost: example.nl\r\nUser-Agent: pastoe-test\r\nAccept: */*\r\n\r\n',
    );
    expect(head({ url: 'http://example.nl:8080', ip: '192.0.2.1', method: 'HEAD', headers: [['accept', 'text/html']] })).toBe(
      'HEAD / HTTP/1.1\r\nHost: example.nl:8080\r\nUser-Agent: pastoe-test\r\naccept: text/html\r\n\r\n',
    );
    expect(head({ url: 'http://user:secret@example.nl/', ip: '192.0.2.1' })).not.toContain('secret');
  });

  it('derives port, SNI and the name certificates must carry', () => {
    const named = prepareRequest({ url: 'https://bücher.example/', ip: '2001:db8::1' }, 'ua');
    expect(named.ok && named.prepared).toMatchObject({ scheme: 'https', port: 443, servername: 'xn--bcher-kva.example' });
    const literal = prepareRequest({ url: 'https://[2001:db8::1]:8443/', ip: '2001:db8::1' }, 'ua');
    expect(literal.ok && literal.prepared).toMatchObject({ port: 8443, certificateHost: '2001:db8::1' });
    expect(literal.ok && literal.prepared.servername).toBeUndefined();
    expect(head({ url: 'http://[2001:db8::1]/', ip: '2001:db8::1' })).toContain('Host: [2001:db8::1]\r\n');
  });
});
