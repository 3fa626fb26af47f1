import {
  followCnames,
  implementProbe,
  type ProbeContext,
  type ProbeDefinition,
  ProbeFailure,
  probeTls,
  type TlsEvidence,
} from '@pastoe/core';
import { type MailServerTlsEvidence, mailTlsDeclaration } from './mail-tls.declaration.js';
import { planMailServers } from './mail-server-plan.js';

/** SMTP's port (RFC 5321): the one MX hosts receive mail on. */
const smtpPort = 25;

/** The probe's time limit: a STARTTLS scan of a slow MX, plus waiting for the host's lock. */
const probeTimeoutMs = 150_000;

/** The time limit of the scan; the scan returns what it saw when it passes. */
const scanTimeoutMs = 110_000;

/** An MX host name with more addresses than this per family has the rest recorded, not scanned. */
const maxAddressesKept = 32;

/** The addresses of one family of the MX host, or why the lookup had none. */
async function addressesOf(host: string, type: 'A' | 'AAAA', context: ProbeContext): Promise<{ ips: string[]; error?: string }> {
  const result = await context.transports.resolver.query({ name: host, type }, { signal: context.signal });
  if (!result.ok) {
    // pastoe's own resolver failed: that is an error of the scan, not an MX without addresses.
    const code = result.error.code === 'timeout' || result.error.code === 'aborted' ? result.error.code : 'unreachable';
    throw new ProbeFailure(code, `${type} lookup of ${host}: ${result.error.message}`);
  }
  const ips = followCnames(result.message, host, type)
    .records.flatMap((record) => (record.data.type === type ? [record.data.address] : []))
    .slice(0, maxAddressesKept);
  return result.message.rcode === 'NOERROR' ? { ips } : { ips, error: result.message.rcode };
}

/**
 * Scans SMTP STARTTLS on port 25 of one MX host: resolves its addresses, then scans one of them
 * with core's TLS scanner (the EHLO name from the scan settings): the first IPv6 address, else the
 * first IPv4 address when the IPv6 one does not answer, as Internet.nl's scanner connects to the one address its resolver prefers
 * (a scan of a mail server takes dozens of connections, each behind the server's greeting delay). The whole host is held under one lock in the scan caches, so that
 * concurrent scans (a `scanMany` of domains sharing a hosted MX) never open more than one
 * connection to it at a time; each address's evidence is cached there too, so the host is scanned
 * once per run.
 */
export async function probeMailServerTls(host: string, context: ProbeContext): Promise<MailServerTlsEvidence> {
  const [v4, v6] = await Promise.all([addressesOf(host, 'A', context), addressesOf(host, 'AAAA', context)]);
  const addressError = v4.error ?? v6.error;
  const targets = [v6.ips[0], v4.ips[0]].filter((ip) => ip !== undefined);
  const scans = await context.caches.locks.run(
    `smtp-host|${host}`,
    async () => {
      for (const ip of targets) {
        const tls: TlsEvidence = await probeTls({ name: host, role: 'mx', ip, port: smtpPort }, context, { timeoutMs: scanTimeoutMs });
        // An IPv6 address that does not answer on port 25 is the IPv6 reachability subtest's
        // finding; STARTTLS is then judged on the first IPv4 address, as a sender would fall back.
        if (tls.reachable || ip === targets[targets.length - 1]) return [{ ip, tls }];
      }
      return [];
    },
    context.signal,
  );
  return {
    host,
    ipv4: v4.ips,
    ipv6: v6.ips,
    ...(addressError === undefined || targets.length > 0 ? {} : { addressError }),
    scans,
  };
}

/** Implements {@link mailTlsDeclaration}: one subject per judged MX host. */
export const mailTlsProbe: ProbeDefinition<MailServerTlsEvidence, 'each'> = implementProbe(mailTlsDeclaration, {
  timeoutMs: probeTimeoutMs,
  plan: planMailServers,
  run: (subject, context) => probeMailServerTls(subject.name, context),
});
