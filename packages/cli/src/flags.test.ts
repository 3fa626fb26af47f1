import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { formatMapRoute, mapRoute, percentage, positiveInteger, standardIds, standardList, timeoutMs, vantageEndpoints } from './flags.js';

describe('flag parsers', () => {
  it('reads --map routes, IPv6 in brackets, with an optional protocol, and writes them back the same', () => {
    const routes = mapRoute('[2001:db8::53]:53=127.0.0.1:5353/udp', mapRoute('192.0.2.100:443=127.0.0.1:40443', undefined));
    expect(routes).toEqual([
      { from: { ip: '192.0.2.100', port: 443 }, to: { ip: '127.0.0.1', port: 40443 } },
      { from: { ip: '2001:db8::53', port: 53 }, to: { ip: '127.0.0.1', port: 5353 }, protocol: 'udp' },
    ]);
    expect(routes.map(formatMapRoute)).toEqual(['192.0.2.100:443=127.0.0.1:40443', '[2001:db8::53]:53=127.0.0.1:5353/udp']);
  });

  it.each([
    '192.0.2.1:443',
    '192.0.2.1:443=127.0.0.1',
    '192.0.2.1:0=127.0.0.1:1',
    '192.0.2.1:65536=127.0.0.1:1',
    '2001:db8::1:443=127.0.0.1:1',
    '[192.0.2.1]:443=127.0.0.1:1',
    'example.nl:443=127.0.0.1:1',
    '192.0.2.1:443=127.0.0.1:1=x',
    '192.0.2.1:443=127.0.0.1:1/sctp',
    '999.0.2.1:443=127.0.0.1:1',
  ])('refuses the --map route %j', (text) => {
    expect(() => mapRoute(text, undefined)).toThrow(InvalidArgumentError);
  });

  it('reads numbers within their bounds only', () => {
    expect(positiveInteger(256)('8')).toBe(8);
    for (const bad of ['0', '257', '-1', '1.5', '8x', '', '1e2']) expect(() => positiveInteger(256)(bad)).toThrow(InvalidArgumentError);
    expect(timeoutMs('2.5')).toBe(2500);
    for (const bad of ['0', '3601', 'NaN', 'Infinity', '-3']) expect(() => timeoutMs(bad)).toThrow(InvalidArgumentError);
    expect(percentage('0')).toBe(0);
    expect(percentage('99.5')).toBe(99.5);
    for (const bad of ['101', '-1', 'x']) expect(() => percentage(bad)).toThrow(InvalidArgumentError);
  });

  it('reads --require as known standard ids, each once', () => {
    expect(standardList('dnssec, tls,dnssec')).toEqual(['dnssec', 'tls']);
    expect(standardIds).toContain('security-headers');
    expect(standardIds).toHaveLength(16);
    expect(() => standardList('dnssec,tsl')).toThrow(/unknown standard "tsl"/);
    expect(() => standardList(',')).toThrow(InvalidArgumentError);
  });

  it('sorts --vantage endpoints into the TCP, IPv6 and SMTP steps', () => {
    expect(vantageEndpoints('skip')).toBe('skip');
    expect(vantageEndpoints('192.0.2.53:53,[2001:db8::53]:53,192.0.2.53:25')).toEqual({
      tcp: [{ ip: '192.0.2.53', port: 53 }],
      tcp6: [{ ip: '2001:db8::53', port: 53 }],
      smtp: [{ ip: '192.0.2.53', port: 25 }],
    });
    expect(() => vantageEndpoints('here')).toThrow(InvalidArgumentError);
  });
});
