/** The lab's routing world: RPKI data from the scenarios and the RIPEstat-like and Routinator-like servers. */
export { labAsn, labHijackerAsn, labRpkiData } from './data.js';
export type { LabRpkiAddress, LabRpkiData } from './data.js';
export { startRpkiServers } from './servers.js';
export type { LabRpkiServerMode, LabRpkiServers, StartRpkiServersOptions } from './servers.js';
