/**
 * Assertions on resolver results for the resolver's tests, narrowing a result to the branch the
 * test expects. Test code only; nothing in the library imports this.
 */
import { expect } from 'vitest';
import type { DnsResult } from '../types.js';

/** The message of a result that must have one; throws with the error otherwise. */
export function expectOk(result: DnsResult): Extract<DnsResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected a message, got ${result.error.code}: ${result.error.message}`);
  return result;
}

/** The error of a result that must be a failure; throws with the answer otherwise. */
export function expectFailure(result: DnsResult): Extract<DnsResult, { ok: false }> {
  if (result.ok) throw new Error(`expected a failure, got ${result.message.rcode} from ${result.server}`);
  return result;
}

/** Asserts that a result failed with `code`. */
export function expectError(result: DnsResult, code: string): void {
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.error.code).toBe(code);
}
