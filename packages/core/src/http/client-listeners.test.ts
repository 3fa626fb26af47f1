import { describe, expect, it } from 'vitest';
import { loopbackNetwork } from '../tls/scanner/test-support/servers.js';
import { createHttpClient } from './client.js';
import { okResponse, startRawServer } from './test-support/hostile.js';

describe('the HTTP client under many concurrent requests', () => {
  it('warns of no listener leak: each request listens for the client closing and stops after', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => {
      warnings.push(warning.name);
    };
    process.on('warning', onWarning);
    const server = await startRawServer(okResponse('ok'));
    const http = createHttpClient({ network: loopbackNetwork() });
    try {
      const results = await Promise.all(
        Array.from({ length: 24 }, () => http.request({ url: `http://site.test:${server.port}/`, ip: '127.0.0.1', timeoutMs: 10_000 })),
      );
      expect(results.every((result) => result.ok && result.response.status === 200)).toBe(true);
      // Warnings are emitted on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
      await http.close();
      await server.close();
    }
  });
});
