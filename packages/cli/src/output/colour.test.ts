import { describe, expect, it } from 'vitest';
import { capture } from '../test-support.js';
import { painter, printable, useColour } from './colour.js';

describe('useColour', () => {
  it('colours only a terminal, and never with NO_COLOR set', () => {
    expect(useColour(capture({ tty: true }).io)).toBe(true);
    expect(useColour(capture({ tty: false }).io)).toBe(false);
    expect(useColour(capture({ tty: true, env: { NO_COLOR: '1' } }).io)).toBe(false);
    // no-color.org: an empty NO_COLOR does not count.
    expect(useColour(capture({ tty: true, env: { NO_COLOR: '' } }).io)).toBe(true);
  });

  it('paints with ANSI codes only when colours are on', () => {
    expect(painter(true)('red', 'fail')).toBe('\u001b[31mfail\u001b[39m');
    expect(painter(false)('red', 'fail')).toBe('fail');
  });

  it('shows control characters from scanned data escaped, at a bounded length', () => {
    expect(printable('evil\u001b[2J\nheader')).toBe('evil\\u001b[2J\\u000aheader');
    expect(printable('x'.repeat(1000))).toHaveLength(301);
  });
});
