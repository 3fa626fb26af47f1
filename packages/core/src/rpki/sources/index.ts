/** The RPKI sources pastoe ships: RIPEstat and static routes; Routinator, VRP exports and static VRPs. */
export { createRipestatRouteSource, parseRipestatNetworkInfo } from './ripestat.js';
export type { RipestatRouteSourceOptions } from './ripestat.js';
export { createRoutinatorVrpSource, parseRoutinatorValidity } from './routinator.js';
export type { RoutinatorVrpSourceOptions } from './routinator.js';
export { createStaticRouteSource, createStaticVrpSource } from './static.js';
export { createVrpExportSource, parseVrpExport } from './vrp-export.js';
export type { ParsedVrpExport, VrpExportLimits } from './vrp-export.js';
export { loadVrpExportFile } from './vrp-export-file.js';
export type { LoadVrpExportFileOptions } from './vrp-export-file.js';
export type { RpkiHttpLimits } from './http-json.js';
