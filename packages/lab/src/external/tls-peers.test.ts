/** The TLS peer lab's life cycle: loopback only, stopped by close() and by an abort. Skips without nginx. */
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { missingTools } from './process.js';
import { findNginxMailModule } from './tls-peer-nginx.js';
import { type TlsPeerLab, startTlsPeerLab, tlsPeerLabTools } from './tls-peers.js';

const available = missingTools(tlsPeerLabTools).length === 0 && findNginxMailModule() !== undefined;

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function ports(lab: TlsPeerLab): number[] {
  return Object.values(lab.endpoints).map((endpoint) => endpoint.port);
}

describe.skipIf(!available)('startTlsPeerLab', () => {
  it('listens on loopback ports chosen at run time and stops on close()', async () => {
    const lab = await startTlsPeerLab();
    try {
      expect(lab.host).toBe('localhost');
      expect(lab.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
      for (const endpoint of Object.values(lab.endpoints)) expect(endpoint.ip).toBe('127.0.0.1');
      expect(lab.endpoints.smtpModern.starttls).toBe('smtp');
      expect(lab.endpoints.httpsModern.starttls).toBeUndefined();
      expect(new Set(ports(lab)).size).toBe(ports(lab).length);
      if (lab.endpoints.gnutlsLegacy === undefined) expect(lab.skipped).toHaveLength(1);
      for (const port of ports(lab)) expect(await accepts(port)).toBe(true);
    } finally {
      await lab.close();
    }
    await lab.close();
    for (const port of ports(lab)) expect(await accepts(port)).toBe(false);
  });

  it('rejects an aborted start and closes when the signal aborts later', async () => {
    await expect(startTlsPeerLab({ signal: AbortSignal.abort(new Error('stop')) })).rejects.toThrow('stop');
    const controller = new AbortController();
    const lab = await startTlsPeerLab({ signal: controller.signal });
    controller.abort();
    await lab.close();
    for (const port of ports(lab)) expect(await accepts(port)).toBe(false);
  });
});
