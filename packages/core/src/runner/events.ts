import type { ProbeErrorCode } from '../model/evidence.js';
import type { VerdictStatus } from '../model/status.js';
import type { Subject } from '../model/subject.js';

/** Progress of a scan, as typed events. Listeners must not throw; if they do, the scan ignores it. */
export type ScanEvent =
  | { readonly type: 'scan-started'; readonly domain: string; readonly checks: number }
  | { readonly type: 'probe-started'; readonly domain: string; readonly probe: string; readonly subject: Subject }
  | {
      readonly type: 'probe-finished';
      readonly domain: string;
      readonly probe: string;
      readonly subject: Subject;
      readonly ok: boolean;
      readonly durationMs: number;
      readonly error?: ProbeErrorCode;
    }
  | { readonly type: 'check-evaluated'; readonly domain: string; readonly check: string; readonly status: VerdictStatus }
  | { readonly type: 'scan-finished'; readonly domain: string; readonly durationMs: number };

/** Receives scan events. */
export type ScanEventListener = (event: ScanEvent) => void;
