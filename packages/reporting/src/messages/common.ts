import type { LocalText } from './types.js';

/**
 * Messages that are not one check's: findings any check can carry because the runner or a
 * shared judgement emits them (their ids contain a dot, e.g. `runner.error`).
 */
export const commonFindings: Readonly<Record<string, LocalText>> = {
  'runner.error': {
    nl: 'pastoe kon dit niet beoordelen: {reason}',
    en: 'pastoe could not judge this: {reason}',
  },
};
