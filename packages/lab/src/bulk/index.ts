export { bulkDomainListText, writeBulkDomainList } from './list.js';
export { labBulkDomains, labBulkGroups, labBulkMaximum, labBulkName, labBulkParent, labBulkScenarios } from './rotation.js';
export type { LabBulkDomain, LabBulkScenario } from './rotation.js';
