import type { VerdictStatus } from '@pastoe/core';
import type { MeetsText } from '../meets.js';

/** A status as a coloured emoji, for Markdown where no styles exist. Always shown with its word. */
export const statusEmoji: Readonly<Record<VerdictStatus, string>> = {
  pass: '✅',
  fail: '❌',
  warning: '⚠️',
  info: 'ℹ️',
  'not-tested': '➖',
  'not-applicable': '⚪',
  error: '❔',
};

/** A status as a plain symbol, for HTML where a style gives the colour. Always shown with its word. */
export const statusSymbol: Readonly<Record<VerdictStatus, string>> = {
  pass: '✓',
  fail: '✗',
  warning: '!',
  info: 'i',
  'not-tested': '–',
  'not-applicable': '○',
  error: '?',
};

/** The status a target-state decision reads as, for its symbol and colour. */
export function meetsStatus(meets: MeetsText): VerdictStatus {
  switch (meets) {
    case 'yes':
      return 'pass';
    case 'no':
      return 'fail';
    case 'unknown':
      return 'error';
    case 'not-applicable':
      return 'not-applicable';
  }
}
