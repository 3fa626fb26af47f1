import { describe, expect, it } from 'vitest';
import { clampStatus, compareStatus, worstStatus } from '@pastoe/core';

describe('status order and the worst-status rule', () => {
  it('orders statuses from error to pass', () => {
    expect(worstStatus(['pass', 'warning', 'info'])).toBe('warning');
    expect(worstStatus(['pass', 'not-tested', 'error', 'fail'])).toBe('error');
    expect(worstStatus([])).toBe('pass');
    expect(compareStatus('fail', 'warning')).toBeLessThan(0);
  });

  it('clamps failures to the level', () => {
    expect(clampStatus('fail', 'required')).toBe('fail');
    expect(clampStatus('fail', 'recommended')).toBe('warning');
    expect(clampStatus('fail', 'optional')).toBe('info');
    expect(clampStatus('warning', 'optional')).toBe('info');
    expect(clampStatus('info', 'required')).toBe('info');
    expect(clampStatus('error', 'optional')).toBe('error');
    expect(clampStatus('not-tested', 'optional')).toBe('not-tested');
    expect(clampStatus('fail', 'optional', true)).toBe('fail');
  });
});
