/**
 * The pieces of the Unbound lab that need no DNS software: the unsigned catalogue it signs,
 * the missing-tool report, and the guard that keeps servers from outliving the process.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createUnsignedLabZones, labZoneCatalogue } from '../dns/catalogue.js';
import { ExternalToolMissingError, freePort, missingTools, startGuarded } from './process.js';

describe('createUnsignedLabZones', () => {
  const zones = createUnsignedLabZones({ now: new Date('2026-01-01T00:00:00Z') });

  it('gives every catalogue zone, unsigned, with its parent and children', () => {
    expect(zones.map((zone) => zone.spec.origin)).toEqual(labZoneCatalogue.map((spec) => spec.origin));
    const dnssecTypes = new Set(['DNSKEY', 'DS', 'RRSIG', 'NSEC', 'NSEC3', 'NSEC3PARAM']);
    for (const zone of zones)
      expect(
        zone.zone.records.filter((r) => dnssecTypes.has(r.type)),
        zone.spec.origin,
      ).toEqual([]);
    const test = zones.find((zone) => zone.spec.origin === 'test');
    expect(test?.parent).toBe('');
    expect(test?.children).toContain('secure-ecdsa.test');
    expect(zones.find((zone) => zone.spec.origin === 'c.deep.test')?.parent).toBe('deep.test');
  });

  it('puts the delegation NS and glue in the parent', () => {
    const test = zones.find((zone) => zone.spec.origin === 'test');
    const at = (name: string): string[] => (test?.zone.records ?? []).filter((r) => r.name === name).map((r) => r.type);
    expect(at('secure-ecdsa.test')).toEqual(['NS']);
    expect(at('ns1.secure-ecdsa.test').sort()).toEqual(['A', 'AAAA']);
    expect(at('unhosted.test')).toEqual(['NS']);
  });

  it('takes extra zones, replacing catalogue zones of the same origin', () => {
    const extra = createUnsignedLabZones({
      extraZones: [
        { origin: 'extra.test', content: '@ 300 IN A 192.0.2.99' },
        { origin: 'insecure.test', content: '@ 300 IN TXT "replaced"' },
      ],
    });
    expect(extra.find((zone) => zone.spec.origin === 'extra.test')?.parent).toBe('test');
    const replaced = extra.find((zone) => zone.spec.origin === 'insecure.test');
    expect(replaced?.zone.records.some((r) => r.type === 'TXT' && r.data.type === 'TXT')).toBe(true);
    expect(replaced?.zone.records.some((r) => r.type === 'MX')).toBe(false);
  });
});

describe('external tools', () => {
  it('names the Debian packages for missing programs', () => {
    const missing = missingTools([{ name: 'pastoe-no-such-program', debianPackage: 'pastoe-nothing' }]);
    expect(missing.map((tool) => tool.name)).toEqual(['pastoe-no-such-program']);
    expect(new ExternalToolMissingError(missing).message).toBe(
      'not installed: pastoe-no-such-program (Debian/Ubuntu: apt-get install --no-install-recommends pastoe-nothing)',
    );
  });

  it('finds a port free for TCP and UDP on loopback', async () => {
    const port = await freePort('127.0.0.1');
    expect(port).toBeGreaterThan(0);
    expect(port).toBeLessThan(65536);
  });
});

/** The children of a process, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter((p) => p !== '')
      .map(Number);
  } catch {
    return [];
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function serverPid(wrapper: number): Promise<number> {
  for (let i = 0; i < 100; i++) {
    for (const child of childrenOf(wrapper)) {
      if (readFileSync(`/proc/${child}/cmdline`, 'utf8').startsWith('sleep')) return child;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the guarded sleep did not start');
}

describe.skipIf(process.platform !== 'linux')('the server guard', () => {
  it('stops the server when the pipe from this process closes, as when Node dies', async () => {
    const guarded = startGuarded('sleep', 'sleep', ['30']);
    const pid = await serverPid(guarded.child.pid as number);
    // Only the pipe closes here: no signal is sent, exactly what the kernel does when Node dies.
    guarded.child.stdin?.destroy();
    await guarded.done;
    expect(alive(pid)).toBe(false);
  });

  it('stops the server on stop() and reports its early exit', async () => {
    const guarded = startGuarded('sleep', 'sleep', ['30']);
    const pid = await serverPid(guarded.child.pid as number);
    await guarded.stop();
    expect(guarded.exited()).toBe(true);
    expect(alive(pid)).toBe(false);
    const failing = startGuarded('false', 'sh', ['-c', 'echo broken >&2; exit 3']);
    await failing.done;
    expect(failing.exited()).toBe(true);
    expect(failing.output()).toContain('broken');
  });
});
