/** The lab's HTTP and HTTPS servers: sites by host with configurable responses. */
export { startHttpServer } from './server.js';
export type { LabHttpResponse, LabHttpServer, LabHttpSite, StartHttpServerOptions } from './server.js';
