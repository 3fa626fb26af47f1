import type { VerdictStatus } from '../model/status.js';

/** The status strings of Internet.nl's batch API v2 (`STATUSES_API_TEXT_MAP`). */
export type InternetNlStatus = 'passed' | 'failed' | 'warning' | 'info' | 'not_tested' | 'error';

/**
 * Maps a pastoe status to Internet.nl's API status text. Internet.nl has no "not applicable":
 * what pastoe tells apart as not applicable is `not_tested` there.
 */
export function toInternetNlStatus(status: VerdictStatus): InternetNlStatus {
  switch (status) {
    case 'pass':
      return 'passed';
    case 'fail':
      return 'failed';
    case 'warning':
      return 'warning';
    case 'info':
      return 'info';
    case 'not-tested':
    case 'not-applicable':
      return 'not_tested';
    case 'error':
      return 'error';
  }
}
