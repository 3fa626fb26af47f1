import { describe, expect, it } from 'vitest';
import { findingMessageId, findingText, messageText } from './localize.js';

describe('messageText', () => {
  it('fills placeholders from the parameters and keeps unknown ones visible', () => {
    expect(messageText('runner.error', 'en', { reason: 'timeout' })).toBe('pastoe could not judge this: timeout');
    expect(messageText('runner.error', 'nl', {})).toBe('pastoe kon dit niet beoordelen: {reason}');
  });

  it('gives undefined for an id the catalogue lacks', () => {
    expect(messageText('no-such-check.title', 'en')).toBeUndefined();
    expect(messageText('nodot', 'en')).toBeUndefined();
  });
});

describe('findingText', () => {
  it('qualifies a bare finding id with its check and keeps a dotted one', () => {
    expect(findingMessageId('web-hsts', { id: 'too-short' })).toBe('web-hsts.too-short');
    expect(findingMessageId('web-hsts', { id: 'runner.error' })).toBe('runner.error');
  });

  it('shows an unknown finding as its id and parameters instead of dropping it', () => {
    expect(findingText('custom-check', { id: 'odd', params: { n: 3, ok: false } }, 'en')).toBe('custom-check.odd (n=3, ok=false)');
    expect(findingText('custom-check', { id: 'runner.error', params: { reason: 'x' } }, 'nl')).toBe('pastoe kon dit niet beoordelen: x');
  });
});
