/*
 * Internet.nl's batch API v2 `results` shape (spec/internetnl-checks.md §7.2, §7.3), written down
 * independently of the types `toInternetNl` is built on, so a test can hold output against the
 * spec rather than against itself. Key order is checked too: Internet.nl writes categories as
 * `{verdict, status}` and tests as `{status, verdict}`.
 */

const testStatuses = ['passed', 'failed', 'warning', 'info', 'not_tested', 'error'];
const categoryStatuses = ['passed', 'failed', 'warning', 'info', 'error'];
/** §7.2: the category text verdict is the status text, or one of the TLS gate's words. */
const categoryGateVerdicts: Readonly<Record<string, readonly string[]>> = {
  web_https: ['unreachable'],
  mail_starttls: ['unreachable', 'untestable', 'no-mx', 'null-mx', 'no-null-mx', 'null-mx-with-other-mx', 'null-mx-without-a-aaaa'],
};
/** §7.4: the custom results and their values. */
const customValues: Readonly<Record<string, readonly (string | boolean)[]>> = {
  mail_non_sending_domain: [true, false],
  mail_servers_testable_status: ['no_mx', 'unreachable', 'untestable', 'ok'],
  tls_1_3_support: ['yes', 'no', 'undetermined'],
};
const requestStatuses = ['registering', 'running', 'generating', 'done', 'cancelled', 'error'];
/** Python's `isoformat()` of an aware datetime, with or without fractional seconds. */
const isoDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}:\d{2}$/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function keysAre(value: Json, keys: readonly string[]): boolean {
  return JSON.stringify(Object.keys(value)) === JSON.stringify(keys);
}

function domainProblems(domain: string, entry: unknown): string[] {
  const at = `domains[${domain}]`;
  if (!isObject(entry)) return [`${at} is not an object`];
  if (entry.status === 'error') return keysAre(entry, ['status']) ? [] : [`${at}: an error domain has only status`];
  if (entry.status !== 'ok') return [`${at}.status is ${String(entry.status)}`];
  const problems: string[] = [];
  const allowed = ['status', 'report', 'scoring', 'results'];
  for (const key of Object.keys(entry)) if (!allowed.includes(key)) problems.push(`${at} has unknown key ${key}`);
  if (entry.report !== undefined && !(isObject(entry.report) && typeof entry.report.url === 'string')) problems.push(`${at}.report.url`);
  const percentage = isObject(entry.scoring) ? entry.scoring.percentage : undefined;
  if (!(Number.isInteger(percentage) && (percentage as number) >= 0 && (percentage as number) <= 100)) {
    problems.push(`${at}.scoring.percentage is not an integer 0..100`);
  }
  const results = entry.results;
  if (!isObject(results) || !isObject(results.categories) || !isObject(results.tests)) return [...problems, `${at}.results`];
  for (const [name, category] of Object.entries(results.categories)) {
    const ok =
      /^(web|mail)_[a-z0-9]+$/.test(name) &&
      isObject(category) &&
      keysAre(category, ['verdict', 'status']) &&
      categoryStatuses.includes(category.status as string) &&
      (category.verdict === category.status || (categoryGateVerdicts[name] ?? []).includes(category.verdict as string));
    if (!ok) problems.push(`${at}.results.categories.${name} is ${JSON.stringify(category)}`);
  }
  for (const [name, test] of Object.entries(results.tests)) {
    const ok =
      /^(web|mail)_[a-z0-9_]+$/.test(name) &&
      isObject(test) &&
      keysAre(test, ['status', 'verdict']) &&
      testStatuses.includes(test.status as string) &&
      typeof test.verdict === 'string' &&
      /^[a-z0-9-]+$/.test(test.verdict);
    if (!ok) problems.push(`${at}.results.tests.${name} is ${JSON.stringify(test)}`);
  }
  if (results.custom !== undefined) {
    const custom = results.custom;
    if (!isObject(custom)) problems.push(`${at}.results.custom is not an object`);
    else {
      for (const [key, value] of Object.entries(custom)) {
        const allowed = customValues[key];
        if (allowed === undefined || !allowed.includes(value as string | boolean))
          problems.push(`${at}.results.custom.${key} is ${String(value)}`);
      }
    }
  }
  return problems;
}

/** Everything in `value` that departs from the batch `results` shape; empty when it conforms. */
export function batchResultsProblems(value: unknown): string[] {
  if (!isObject(value)) return ['not an object'];
  const problems: string[] = [];
  if (!keysAre(value, ['api_version', 'request', 'domains'])) problems.push(`top-level keys are ${Object.keys(value).join(', ')}`);
  if (typeof value.api_version !== 'string' || !/^2\.\d+\.\d+$/.test(value.api_version)) problems.push('api_version is not 2.x.y');
  const request = value.request;
  if (!isObject(request)) return [...problems, 'request is not an object'];
  if (!keysAre(request, ['name', 'submit_date', 'finished_date', 'request_type', 'status', 'request_id'])) {
    problems.push(`request keys are ${Object.keys(request).join(', ')}`);
  }
  if (typeof request.name !== 'string') problems.push('request.name');
  for (const key of ['submit_date', 'finished_date']) {
    if (typeof request[key] !== 'string' || !isoDate.test(request[key] as string)) problems.push(`request.${key} is not ISO 8601`);
  }
  if (request.request_type !== 'web' && request.request_type !== 'mail') problems.push('request.request_type');
  if (!requestStatuses.includes(request.status as string)) problems.push('request.status');
  if (typeof request.request_id !== 'string' || !/^[0-9a-f]{32}$/.test(request.request_id)) problems.push('request.request_id');
  if (!isObject(value.domains)) return [...problems, 'domains is not an object'];
  for (const [domain, entry] of Object.entries(value.domains)) {
    problems.push(...domainProblems(domain, entry));
    if (isObject(entry) && isObject(entry.results) && isObject(entry.results.tests)) {
      const prefix = `${String(request.request_type)}_`;
      for (const name of Object.keys(entry.results.tests))
        if (!name.startsWith(prefix)) problems.push(`${domain}: ${name} in a ${prefix} request`);
    }
  }
  return problems;
}
