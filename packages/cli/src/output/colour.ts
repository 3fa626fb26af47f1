import type { VerdictStatus } from '@pastoe/core';
import type { CliIo } from '../io.js';

/** Whether output to standard output gets ANSI colours: only on a terminal, and never with `NO_COLOR` set (no-color.org). */
export function useColour(io: CliIo): boolean {
  const noColor = io.env?.NO_COLOR;
  return io.outIsTty === true && (noColor === undefined || noColor === '');
}

/** ANSI styles by name. */
const codes = { bold: [1, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39], magenta: [35, 39], dim: [2, 22] } as const;

/** A style the text renderer applies. */
export type Style = keyof typeof codes;

/** Styles text with ANSI codes, or returns it as it is when colours are off. */
export type Painter = (style: Style, text: string) => string;

/** A painter: ANSI codes when `colour`, plain text otherwise. */
export function painter(colour: boolean): Painter {
  return (style, text) => (colour ? `\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m` : text);
}

/** The colour a status is shown in. */
export function statusStyle(status: VerdictStatus | 'meets' | 'not-met' | 'unknown'): Style {
  switch (status) {
    case 'pass':
    case 'meets':
      return 'green';
    case 'fail':
    case 'not-met':
      return 'red';
    case 'warning':
    case 'unknown':
      return 'yellow';
    case 'error':
      return 'magenta';
    case 'info':
      return 'cyan';
    default:
      return 'dim';
  }
}

/** The longest piece of scanned data shown on one line. */
const maxShown = 300;

/**
 * Text from a scanned domain made safe for a terminal: control characters (an ANSI escape in a
 * header value, a newline in a record) shown as `\uXXXX`, and the length bounded.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return escaped.length > maxShown ? `${escaped.slice(0, maxShown)}…` : escaped;
}
