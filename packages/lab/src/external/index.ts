/**
 * Independent DNS software as a second opinion on pastoe's DNSSEC verdicts: the lab's zones
 * signed by BIND's tools, served by Knot DNS and validated by Unbound, all on loopback.
 */
export { ExternalToolError, ExternalToolMissingError, missingTools, unboundLabTools } from './process.js';
export type { ExternalTool } from './process.js';
export type { Endpoint } from './servers.js';
export { startUnboundLab } from './unbound-lab.js';
export type { UnboundLab, UnboundLabOptions, UnboundLabScenario } from './unbound-lab.js';
