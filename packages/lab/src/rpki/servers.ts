/**
 * Loopback HTTP servers that answer like RIPEstat's `network-info` data call and Routinator's
 * validity API (and its `/json` VRP export), from the lab's routing data, so that pastoe's RPKI
 * sources are tested against servers, never against the real services.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { coveringVrps, parseAsn, parseIpAddress, parsePrefix, prefixContains, prefixOf, unwrapIpv4Mapped } from '@pastoe/core';
import type { LabRpkiData } from './data.js';

/** What a lab RPKI server does besides answering: `normal`, or a fault for failure tests. */
export type LabRpkiServerMode = 'normal' | 'error-500' | 'not-json' | 'huge' | 'stall';

/** Options for {@link startRpkiServers}. */
export interface StartRpkiServersOptions {
  /** The loopback address to listen on. */
  readonly host: string;
  /** The routes and VRPs to answer from. */
  readonly data: LabRpkiData;
  /** A fault to play instead of answering; default `normal`. */
  readonly mode?: LabRpkiServerMode;
}

/** The running RIPEstat-like and Routinator-like servers. */
export interface LabRpkiServers {
  /** The RIPEstat-like data API, e.g. `http://127.0.0.1:41234` (serves `/data/network-info/data.json`). */
  readonly ripestatUrl: string;
  /** The Routinator-like HTTP service (serves `/api/v1/validity/<asn>/<prefix>` and `/json`). */
  readonly routinatorUrl: string;
  /** Requests answered so far, by server. */
  requests(): { readonly ripestat: number; readonly routinator: number };
  /** Stops both servers and ends their connections. */
  close(): Promise<void>;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, null, 1);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** Plays a fault; true when it did. */
function playFault(mode: LabRpkiServerMode, response: ServerResponse): boolean {
  switch (mode) {
    case 'normal':
      return false;
    case 'error-500':
      sendJson(response, 500, { error: 'internal server error' });
      return true;
    case 'not-json':
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('<html>maintenance</html>');
      return true;
    case 'huge':
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(`{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`);
      return true;
    case 'stall':
      // Sends the head and never the body: the client's time limit must end it.
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      response.write('{');
      return true;
  }
}

/** RIPEstat `network-info`: the most specific announced prefix holding the address, and its origins. */
function networkInfo(data: LabRpkiData, resource: string | null): unknown {
  const parsed = resource === null ? undefined : parseIpAddress(resource);
  if (parsed === undefined) return undefined;
  const address = unwrapIpv4Mapped(parsed);
  const host = prefixOf(address, address.family === 4 ? 32 : 128);
  let best: { readonly prefix: string; readonly length: number } | undefined;
  for (const route of data.routes) {
    const prefix = parsePrefix(route.prefix);
    if (prefix === undefined || !prefixContains(prefix, host)) continue;
    if (best === undefined || prefix.length > best.length) best = { prefix: route.prefix, length: prefix.length };
  }
  const asns = best === undefined ? [] : data.routes.filter((route) => route.prefix === best.prefix).map((route) => String(route.origin));
  return { status: 'ok', status_code: 200, data_call_name: 'network-info', data: { asns, prefix: best?.prefix ?? null } };
}

/** Routinator `validity`: the covering VRPs of the route, split as Routinator splits them. */
function validity(data: LabRpkiData, asnText: string, prefixText: string): unknown {
  const asn = parseAsn(asnText);
  const prefix = parsePrefix(prefixText);
  if (asn === undefined || prefix === undefined) return undefined;
  const covering = coveringVrps(prefix, data.vrps);
  const tooLong = covering.filter((vrp) => prefix.length > vrp.maxLength);
  const otherAs = covering.filter((vrp) => prefix.length <= vrp.maxLength && vrp.asn !== asn);
  const matched = covering.filter((vrp) => prefix.length <= vrp.maxLength && vrp.asn === asn);
  const state = matched.length > 0 ? 'valid' : covering.length > 0 ? 'invalid' : 'not-found';
  const write = (vrp: (typeof covering)[number]) => ({ asn: `AS${vrp.asn}`, prefix: vrp.prefix, max_length: String(vrp.maxLength) });
  return {
    validated_route: {
      route: { origin_asn: `AS${asn}`, prefix: prefixText },
      validity: {
        state,
        ...(state === 'invalid' ? { reason: otherAs.length > 0 ? 'as' : 'length' } : {}),
        VRPs: { matched: matched.map(write), unmatched_as: otherAs.map(write), unmatched_length: tooLong.map(write) },
      },
    },
    generatedTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

async function listen(server: Server, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Starts the RIPEstat-like and Routinator-like servers on loopback. */
export async function startRpkiServers(options: StartRpkiServersOptions): Promise<LabRpkiServers> {
  const { data, host } = options;
  const mode = options.mode ?? 'normal';
  const counts = { ripestat: 0, routinator: 0 };
  const handle =
    (which: 'ripestat' | 'routinator', answer: (url: URL) => unknown) =>
    (request: IncomingMessage, response: ServerResponse): void => {
      counts[which] += 1;
      if (playFault(mode, response)) return;
      const body = request.method === 'GET' ? answer(new URL(request.url ?? '/', 'http://lab.invalid')) : undefined;
      if (body === undefined) sendJson(response, 400, { error: 'bad request' });
      else sendJson(response, 200, body);
    };
  const ripestat = createServer(
    handle('ripestat', (url) =>
      url.pathname === '/data/network-info/data.json' ? networkInfo(data, url.searchParams.get('resource')) : undefined,
    ),
  );
  const routinator = createServer(
    handle('routinator', (url) => {
      if (url.pathname === '/json')
        return { roas: data.vrps.map((vrp) => ({ asn: `AS${vrp.asn}`, prefix: vrp.prefix, maxLength: vrp.maxLength, ta: 'lab' })) };
      const match = /^\/api\/v1\/validity\/([^/]+)\/(.+)$/.exec(decodeURIComponent(url.pathname));
      return match === null ? undefined : validity(data, match[1] ?? '', match[2] ?? '');
    }),
  );
  const servers = [ripestat, routinator];
  try {
    const [ripestatUrl, routinatorUrl] = await Promise.all(servers.map((server) => listen(server, host)));
    return {
      ripestatUrl: ripestatUrl ?? '',
      routinatorUrl: routinatorUrl ?? '',
      requests: () => ({ ...counts }),
      close: async () => {
        await Promise.all(
          servers.map(
            (server) =>
              new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
              }),
          ),
        );
      },
    };
  } catch (error) {
    for (const server of servers) server.close();
    throw error;
  }
}
