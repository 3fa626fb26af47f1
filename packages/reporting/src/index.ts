/**
 * @packageDocumentation
 * pastoe reports: JSON (result schema v1) with `toJson`, Internet.nl's batch API v2 results JSON
 * with `toInternetNl`, a CSV table per domain with `toCsv`, and adoption statistics over a bulk
 * run with `summarize` and `summaryToCsv`, and reports people read, in Dutch and English: Markdown
 * with `toMarkdown` and `summaryToMarkdown`, one self-contained HTML file (or an embeddable
 * fragment) with `toHtml`, and an inline SVG adoption chart with `adoptionChartSvg`. The supplier
 * view: `attributeSuppliers` names the mail, DNS and web hosting supplier of a report from a
 * catalogue (`parseSupplierCatalogue`, `defaultSupplierCatalogue`), and `summarize` with
 * `suppliers` counts adoption per supplier. Two measurements compared with `compare`, written
 * with `comparisonToHtml`, `comparisonToMarkdown`, `comparisonToCsv` and `comparisonDomainsToCsv`.
 * Depends on the result schema only, never on checks.
 */
export { toJson } from './json.js';
export type { JsonReportOptions } from './json.js';
export * from './internetnl/index.js';
export { toCsv } from './csv/to-csv.js';
export type { CsvReportOptions } from './csv/to-csv.js';
export { checkOrder } from './check-order.js';
export type { ReportVerdicts } from './check-order.js';
export { summarize } from './summary/summarize.js';
export type { SummarizeOptions } from './summary/summarize.js';
export type { GroupBy, SummarisableReport } from './summary/group.js';
export { summaryToCsv } from './summary/summary-csv.js';
export { summarySchema } from './summary/types.js';
export type {
  Adoption,
  AdoptionStats,
  AdoptionSummary,
  CheckAdoption,
  GroupAdoption,
  StandardAdoption,
  StreefbeeldAdoption,
} from './summary/types.js';
export { attributeSuppliers, supplierRoles } from './suppliers/attribute.js';
export type { RoleAttribution, SupplierAttribution, SupplierRole } from './suppliers/attribute.js';
export {
  maxSupplierCatalogueLength,
  maxSupplierPatterns,
  maxSuppliers,
  otherSupplier,
  parseSupplierCatalogue,
  SupplierCatalogueError,
  supplierCatalogueSchema,
} from './suppliers/catalogue.js';
export type { Supplier, SupplierCatalogue } from './suppliers/catalogue.js';
export { defaultSupplierCatalogue } from './suppliers/default-catalogue.js';
export type { HostingEvidenceSource } from './suppliers/hosting-evidence.js';
export { maxComplyingListed } from './suppliers/types.js';
export type { SupplierRoleAdoption, SupplierStandardAdoption, SupplierUse } from './suppliers/types.js';
export * from './messages/index.js';
export { toMarkdown } from './markdown/to-markdown.js';
export type { MarkdownReportOptions } from './markdown/to-markdown.js';
export { summaryToMarkdown } from './markdown/summary-markdown.js';
export type { SummaryMarkdownOptions } from './markdown/summary-markdown.js';
export { toHtml } from './html/to-html.js';
export type { HtmlReportOptions } from './html/to-html.js';
export { adoptionChartSvg } from './charts/adoption-chart.js';
export type { AdoptionChartOptions } from './charts/adoption-chart.js';
export type { ReportRenderOptions } from './view/options.js';
export * from './compare/index.js';
