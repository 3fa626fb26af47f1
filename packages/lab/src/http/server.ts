/**
 * HTTP and HTTPS servers for the lab's web scenarios: per-host sites chosen by the Host header
 * (or the TLS server name), each with configurable responses — status, headers such as
 * Strict-Transport-Security, redirects, bodies — and `/.well-known/security.txt`. HTTPS runs over
 * the lab's own TLS server, so a site can have any TLS configuration the lab can serve.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { type LabListener, listenTracked } from '../net/listener.js';
import { type LabTlsSetup, startTlsServer } from '../tls/server.js';

/** One response. */
export interface LabHttpResponse {
  /** The status; default 200, or 301 with `redirect`. */
  readonly status?: number;
  /** Response headers. */
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  /** The body; default empty. */
  readonly body?: string | Uint8Array;
  /** Redirect here (sets Location). A `{path}` in it is replaced by the request path and query. */
  readonly redirect?: string;
}

/** A site: the host names it answers for and what it answers. */
export interface LabHttpSite {
  /** Host names (and, if wanted, addresses) this site answers for, matched against Host without its port. */
  readonly hosts: readonly string[];
  /** Responses by exact path (without the query). */
  readonly routes?: Readonly<Record<string, LabHttpResponse>>;
  /** The response for paths without a route; default 200 with a short HTML page naming the host. */
  readonly fallback?: LabHttpResponse;
  /** Headers added to every response of the site (route headers win), e.g. `Strict-Transport-Security`. */
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  /** The text of `/.well-known/security.txt` (served as `text/plain; charset=utf-8`); absent: the fallback if there is one, else 404. */
  readonly securityTxt?: string;
}

/** Options for {@link startHttpServer}. */
export interface StartHttpServerOptions {
  /** The sites. A request for an unknown host gets 404 unless there is exactly one site. */
  readonly sites: readonly LabHttpSite[];
  /** Serve HTTPS with this TLS configuration (ALPN defaults to `http/1.1`); absent: plain HTTP. */
  readonly tls?: LabTlsSetup;
  /** The loopback address to listen on; default `127.0.0.1`. */
  readonly host?: string;
  /** The port; default an ephemeral one. */
  readonly port?: number;
  /**
   * The site for a host none of `sites` names, or `undefined` (404): how one server answers for
   * many generated names (the lab's bulk domains) without a site each up front. Called per request; memoise in it.
   */
  readonly siteFor?: (host: string) => LabHttpSite | undefined;
}

/** A running HTTP(S) server. */
export interface LabHttpServer extends LabListener {
  /** `http` or `https`. */
  readonly scheme: 'http' | 'https';
  /** Requests answered so far. */
  readonly requests: number;
}

/** The host a request is for: Host without its port, lowercased, without a trailing dot. */
function requestHost(request: IncomingMessage): string | undefined {
  const header = request.headers.host;
  const socket = request.socket as Partial<TLSSocket>;
  const raw = header ?? (typeof socket.servername === 'string' ? socket.servername : undefined);
  if (raw === undefined) return undefined;
  const withoutPort = raw.startsWith('[') ? raw.slice(1, raw.indexOf(']')) : raw.replace(/:\d+$/, '');
  return withoutPort.toLowerCase().replace(/\.$/, '');
}

function send(response: ServerResponse, answer: LabHttpResponse, siteHeaders: LabHttpSite['headers'], path: string): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries({ ...siteHeaders, ...answer.headers }))
    headers[name] = typeof value === 'string' ? value : [...value];
  if (answer.redirect !== undefined) headers.Location = answer.redirect.replace('{path}', path);
  const body = answer.body === undefined ? Buffer.alloc(0) : Buffer.from(answer.body);
  headers['Content-Length'] = String(body.length);
  response.writeHead(answer.status ?? (answer.redirect === undefined ? 200 : 301), headers);
  response.end(body);
}

/** The request handler shared by HTTP and HTTPS. */
function handlerFor(
  sites: readonly LabHttpSite[],
  siteFor: StartHttpServerOptions['siteFor'],
  count: () => void,
): (request: IncomingMessage, response: ServerResponse) => void {
  const byHost = new Map<string, LabHttpSite>();
  for (const site of sites) for (const host of site.hosts) byHost.set(host.toLowerCase().replace(/\.$/, ''), site);
  return (request, response) => {
    count();
    const host = requestHost(request);
    const site = (host === undefined ? undefined : (byHost.get(host) ?? siteFor?.(host))) ?? (sites.length === 1 ? sites[0] : undefined);
    const target = request.url ?? '/';
    const path = target.split('?')[0] ?? '/';
    if (site === undefined) {
      send(
        response,
        { status: 404, headers: { 'Content-Type': 'text/plain' }, body: `no lab site for ${host ?? 'this request'}\n` },
        {},
        target,
      );
      return;
    }
    const route = site.routes?.[path];
    if (route !== undefined) {
      send(response, route, site.headers, target);
    } else if (path === '/.well-known/security.txt' && site.securityTxt !== undefined) {
      send(response, { headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: site.securityTxt }, site.headers, target);
    } else if (path === '/.well-known/security.txt' && site.fallback === undefined) {
      send(response, { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'not found\n' }, site.headers, target);
    } else {
      const name = site.hosts[0] ?? 'lab';
      send(
        response,
        site.fallback ?? {
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
          body: `<!doctype html><title>${name}</title><p>${name}, a pastoe lab site.</p>\n`,
        },
        site.headers,
        target,
      );
    }
  };
}

/** Applies the lab's limits to a node HTTP server: short timeouts, so that idle clients cannot hold it. */
function limit(server: Server): void {
  server.keepAliveTimeout = 2_000;
  server.headersTimeout = 5_000;
  server.requestTimeout = 10_000;
  server.maxHeadersCount = 100;
}

/**
 * Starts an HTTP or (with `tls`) HTTPS server on loopback that serves its sites by host. Closing
 * it ends every open connection, keep-alive ones included.
 */
export async function startHttpServer(options: StartHttpServerOptions): Promise<LabHttpServer> {
  let requests = 0;
  const handler = handlerFor(options.sites, options.siteFor, () => {
    requests++;
  });
  const http = createServer({ maxHeaderSize: 16_384 }, handler);
  limit(http);
  const unlimitedRenegotiation = options.tls?.renegotiation === 'unlimited';
  http.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // The TLS layer reports renegotiations past node's limit as a socket error; an "unlimited" server keeps going.
    if (error.code === 'ERR_TLS_SESSION_ATTACK' && unlimitedRenegotiation) return;
    if (socket.writable && error.code?.startsWith('HPE_') === true) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  const host = options.host ?? '127.0.0.1';
  let listener: LabListener;
  if (options.tls === undefined) {
    listener = await listenTracked(http, host, options.port ?? 0);
  } else {
    const tls = await startTlsServer({
      ...options.tls,
      alpn: options.tls.alpn ?? ['http/1.1'],
      host,
      ...(options.port === undefined ? {} : { port: options.port }),
      // The HTTP server never listens: it is handed each TLS connection as it is established.
      handler: (socket) => http.emit('connection', socket),
    });
    listener = {
      host: tls.host,
      port: tls.port,
      close: async () => {
        await tls.close();
        http.close(() => {});
      },
    };
  }
  return {
    ...listener,
    scheme: options.tls === undefined ? 'http' : 'https',
    get requests() {
      return requests;
    },
  };
}
