/**
 * Hostile-input regression (issue 9): answers of about 61 KB full of NSEC records whose type
 * bitmaps name all 65,536 types. Decoded into one string per type, each such answer held about
 * 20 MB, and the resolver cache, bounded by entries only, kept thousands of them.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TtlCache } from '../../util/ttl-cache.js';
import { answer, loopbackNetwork, startTcpServer, type TestServer } from '../test-support/servers.js';
import type { DnsResult } from '../types.js';
import type { EncodableRecord } from '../wire/message.js';
import { toHex } from '../../util/bytes.js';
import type { CachedAnswer } from './cache.js';
import { type ClosableResolver, createResolver } from './create-resolver.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** All 256 windows of 32 octets: every type number set, the largest bitmap there is. */
const fullBitmap = Array.from({ length: 256 }, (_, window) => `${toHex(Uint8Array.of(window, 32))}${'ff'.repeat(32)}`).join('');
/** Seven such records fill a 64 KB message. */
const recordsPerAnswer = 7;

let server: TestServer;
let answerBytes = 0;

beforeAll(async () => {
  server = await startTcpServer((query) => {
    const name = query.message.question[0]?.name ?? '';
    const answers: EncodableRecord[] = Array.from({ length: recordsPerAnswer }, (_, i) => ({
      name,
      ttl: 3600,
      data: { type: 'NSEC', nextDomain: `n${i}.${name}`, typeBitmap: fullBitmap },
    }));
    const bytes = answer(query, { answers });
    answerBytes = bytes.length;
    return bytes;
  });
});

afterAll(async () => {
  await server?.close();
});

/**
 * Asks `count` hostile names after a warm-up (sockets, codecs, the cache's own structures), calling
 * `check` after each answer, and returns the heap the answers left behind.
 */
async function askHostileNames(
  resolver: ClosableResolver,
  zone: string,
  count: number,
  check: (result: DnsResult) => void,
): Promise<number> {
  await resolver.query({ name: `warm.${zone}`, type: 'NSEC' });
  const before = heapAfterGc();
  for (let i = 0; i < count; i++) check(await resolver.query({ name: `n${i}.${zone}`, type: 'NSEC' }));
  return heapAfterGc() - before;
}

describe('cached answers with maximal NSEC type bitmaps', () => {
  it('hold well under a megabyte each, where eager decoding held about 20 MB', async () => {
    const resolver = createResolver(`tcp://127.0.0.1:${server.port}`, { network: loopbackNetwork(), retries: 0 });
    try {
      const count = 20;
      const retained = await askHostileNames(resolver, 'hostile.example', count, (result) => {
        if (!result.ok) throw new Error(result.error.message);
        expect(result.message.answers).toHaveLength(recordsPerAnswer);
      });
      const perAnswer = retained / count;
      expect(answerBytes).toBeGreaterThan(60_000);
      expect(resolver.stats().upstreamQueries).toBe(count + 1);
      // The answers are held by the cache: asking again costs no query.
      const again = await resolver.query({ name: 'n0.hostile.example', type: 'NSEC' });
      expect(again.ok && again.cached).toBe(true);
      expect(perAnswer).toBeLessThan(1024 * 1024);
    } finally {
      await resolver.close();
    }
  });

  it('are counted against the cache byte budget, which evicts the oldest to stay under it', async () => {
    const maxBytes = 4 * 1024 * 1024;
    const cache = new TtlCache<string, CachedAnswer>({ maxBytes });
    const resolver = createResolver(`tcp://127.0.0.1:${server.port}`, { network: loopbackNetwork(), retries: 0, cache });
    try {
      const count = 30;
      const retained = await askHostileNames(resolver, 'budget.example', count, (result) => {
        expect(result.ok).toBe(true);
        expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
      });
      // Each answer is charged at least the memory it holds, so the budget bounds the heap too.
      expect(cache.size).toBeGreaterThan(0);
      expect(cache.size).toBeLessThan(count);
      expect(cache.bytes / cache.size).toBeGreaterThan(answerBytes);
      expect(retained).toBeLessThan(maxBytes);
      // The newest answers stayed, the oldest went.
      const newest = await resolver.query({ name: `n${count - 1}.budget.example`, type: 'NSEC' });
      const oldest = await resolver.query({ name: 'n0.budget.example', type: 'NSEC' });
      expect(newest.ok && newest.cached).toBe(true);
      expect(oldest.ok && oldest.cached).toBe(false);
    } finally {
      await resolver.close();
    }
  });
});
