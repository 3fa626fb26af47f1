export { toInternetNl, internetnlApiVersion } from './to-internetnl.js';
export type { InternetNlOptions, InternetNlSourceReport } from './to-internetnl.js';
export type {
  InternetNlBatchResults,
  InternetNlCategoryResult,
  InternetNlCategoryStatus,
  InternetNlCustomResults,
  InternetNlDomainError,
  InternetNlDomainOk,
  InternetNlDomainResult,
  InternetNlKind,
  InternetNlRequest,
  InternetNlTestResult,
} from './types.js';
