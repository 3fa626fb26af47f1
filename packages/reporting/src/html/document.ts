import type { Language } from '../messages/types.js';
import { htmlText } from './escape.js';
import { reportStyles } from './styles.js';

/**
 * HTML content as one self-contained document with the report's styles and a policy that lets
 * nothing load or run, or with `fragment` as an embeddable `<div class="pastoe-report">`.
 */
export function htmlDocument(
  content: string,
  options: { readonly title: string; readonly language: Language; readonly fragment?: boolean },
): string {
  const { title, language } = options;
  if (options.fragment === true) {
    return `<div class="pastoe-report" lang="${language}">\n<style>\n${reportStyles}\n</style>\n${content}\n</div>\n`;
  }
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may load or run: the report is one file, and hostile text in it stays text.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${htmlText(title)}</title>`,
    `<style>\n${reportStyles}\n</style>`,
    '</head>',
    '<body>',
    `<main class="pastoe-report">\n${content}\n</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
