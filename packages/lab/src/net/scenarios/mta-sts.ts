/**
 * The MTA-STS policy server of a mail scenario: HTTPS for `mta-sts.<domain>` on the scenario's
 * addresses (port 443), serving `/.well-known/mta-sts.txt` as the scenario says, with a
 * certificate from the lab root for that name (or another name, to show a mismatch).
 */
import type { LabAddressMap } from '../address-map.js';
import type { LabListener } from '../listener.js';
import { startHttpServer } from '../../http/server.js';
import { type Issuers, makeCertificate } from './builders.js';
import type { MtaStsServerSpec } from './types.js';

/** Where a policy server listens and is routed from. */
export interface MtaStsServerContext {
  /** The issuers of scenario certificates. */
  readonly issuers: Issuers;
  /** The loopback address to listen on. */
  readonly host: string;
  /** Where the scenario's addresses are routed to the server. */
  readonly addressMap: LabAddressMap;
  /** Where the listener is noted, to be closed with the others. */
  readonly listeners: LabListener[];
}

/** The well-known path of the policy (RFC 8461 §3.2). */
const mtaStsPolicyPath = '/.well-known/mta-sts.txt';

/**
 * Starts the policy server of `domain` and routes the scenario's IPv4 and IPv6 addresses (port
 * 443) to it. Returns the zone lines that name it (`mta-sts` A and AAAA, relative to the domain).
 */
export async function startMtaStsServer(
  domain: string,
  spec: MtaStsServerSpec,
  addresses: { readonly ipv4: string; readonly ipv6: string },
  context: MtaStsServerContext,
): Promise<string[]> {
  const host = `mta-sts.${domain}`;
  const name = spec.certificateName ?? host;
  const built = await makeCertificate({ key: 'ecdsa-p256' }, name, [name], context.issuers);
  const policy =
    spec.redirect === undefined
      ? { status: spec.status ?? 200, headers: { 'Content-Type': spec.contentType ?? 'text/plain' }, body: spec.policy }
      : { status: spec.status ?? 301, redirect: spec.redirect };
  const listener = await startHttpServer({
    sites: [{ hosts: [host], routes: { [mtaStsPolicyPath]: policy }, fallback: { status: 404, body: 'not found\n' } }],
    tls: { certificates: [built.served] },
    host: context.host,
  });
  context.listeners.push(listener);
  const local = { ip: listener.host, port: listener.port };
  context.addressMap.route({ ip: addresses.ipv4, port: 443 }, local);
  context.addressMap.route({ ip: addresses.ipv6, port: 443 }, local);
  return [`mta-sts 300 IN A ${addresses.ipv4}`, `mta-sts 300 IN AAAA ${addresses.ipv6}`];
}
