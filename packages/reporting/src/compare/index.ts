export { compare } from './compare.js';
export type { CompareOptions } from './compare.js';
export { comparisonToCsv, comparisonDomainsToCsv } from './comparison-csv.js';
export { comparisonToHtml } from './comparison-html.js';
export type { ComparisonHtmlOptions } from './comparison-html.js';
export { comparisonToMarkdown } from './comparison-markdown.js';
export type { ComparisonRenderOptions } from './comparison-markdown.js';
export { comparisonSchema } from './types.js';
export type {
  AdoptionChange,
  AdoptionStatsChange,
  ChangedItems,
  CheckChange,
  ComparableMeasurement,
  ComparableReport,
  ComparedMeasurement,
  Comparison,
  ComparisonSource,
  DomainChange,
  DomainCounts,
  GroupChange,
  StandardChange,
  SupplierChange,
  SupplierRoleChange,
  UnmatchedDomain,
} from './types.js';
