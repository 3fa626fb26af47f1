import type { InternetNlStatus } from '@pastoe/core/model';

/*
 * Internet.nl's batch API v2 `results` JSON (spec/internetnl-checks.md §7.2, §7.3), as types.
 * Key order in the objects we build follows Internet.nl's code, so a diff against its output
 * stays readable.
 */

/** Which Internet.nl test a batch request ran: the website test or the email test. */
export type InternetNlKind = 'web' | 'mail';

/** A category's API status: Internet.nl never reports `not_tested` for a category. */
export type InternetNlCategoryStatus = Exclude<InternetNlStatus, 'not_tested'>;

/** One test (subtest) of a domain: `{ status, verdict }`. */
export interface InternetNlTestResult {
  /** The API status text. */
  readonly status: InternetNlStatus;
  /** Internet.nl's verdict word, e.g. `good`, `bad`, `phase-out`, `not-tested`. */
  readonly verdict: string;
}

/** One category of a domain: `{ verdict, status }`. */
export interface InternetNlCategoryResult {
  /** The text verdict: the status text, or the TLS gate's (`unreachable`, `no-mx`, `null-mx`...). */
  readonly verdict: string;
  /** The API status text. */
  readonly status: InternetNlCategoryStatus;
}

/**
 * Internet.nl's custom results (spec §7.4), where pastoe can derive them from the verdicts; a key
 * is absent when the report lacks what it rests on.
 */
export interface InternetNlCustomResults {
  /** Mail: DMARC `p=reject` and SPF exactly `v=spf1 -all` (Internet.nl's DKIM exemption). */
  readonly mail_non_sending_domain?: boolean;
  /** Mail: from the STARTTLS availability verdict (Null MX variants are `ok`). */
  readonly mail_servers_testable_status?: 'no_mx' | 'unreachable' | 'untestable' | 'ok';
  /** Whether every server offers TLS 1.3; `undetermined` when a server was unreachable. */
  readonly tls_1_3_support?: 'yes' | 'no' | 'undetermined';
}

/** A domain that was scored. */
export interface InternetNlDomainOk {
  /** Always `ok`. */
  readonly status: 'ok';
  /** A link to a human-readable report, when the caller has one (`reportUrl` option). */
  readonly report?: { readonly url: string };
  /** The overall score of the website or email test (0..100). */
  readonly scoring: { readonly percentage: number };
  /** Categories and tests, keyed by their batch API names. */
  readonly results: {
    /** Category results by batch name (`web_https`...). */
    readonly categories: Readonly<Record<string, InternetNlCategoryResult>>;
    /** Test results by batch name (`web_https_http_hsts`...). */
    readonly tests: Readonly<Record<string, InternetNlTestResult>>;
    /** Custom results, when pastoe could derive any. */
    readonly custom?: InternetNlCustomResults;
  };
}

/** A domain that could not be scored: Internet.nl then gives only the status. */
export interface InternetNlDomainError {
  /** Always `error`. */
  readonly status: 'error';
}

/** One domain's entry in the results. */
export type InternetNlDomainResult = InternetNlDomainOk | InternetNlDomainError;

/** The request object of the batch API (`BatchRequest.to_api_dict`). */
export interface InternetNlRequest {
  /** The request's name (the handle given at submission). */
  readonly name: string;
  /** When the request was submitted (ISO 8601 with `+00:00`). */
  readonly submit_date: string;
  /** When it finished (ISO 8601 with `+00:00`). */
  readonly finished_date: string;
  /** `web` or `mail`. */
  readonly request_type: InternetNlKind;
  /** Always `done`: results exist only for a finished request. */
  readonly status: 'done';
  /** 32 lowercase hex characters. */
  readonly request_id: string;
}

/** The whole `GET requests/{id}/results` body. */
export interface InternetNlBatchResults {
  /** The batch API version the shape follows. */
  readonly api_version: string;
  /** The request. */
  readonly request: InternetNlRequest;
  /** Per domain, keyed by the Unicode domain name. */
  readonly domains: Readonly<Record<string, InternetNlDomainResult>>;
}
