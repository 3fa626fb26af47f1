import type { Finding, MessageParams } from '@pastoe/core';
import { commonFindings } from './common.js';
import { mailMessages } from './mail.js';
import type { CheckMessages, Language, LocalText } from './types.js';
import { webMessages } from './web.js';

/** The messages of every check pastoe ships, by check id. */
const catalogue: Readonly<Record<string, CheckMessages>> = { ...webMessages, ...mailMessages };

/** The messages of a check, or `undefined` for a check the catalogue does not know (a custom one). */
export function checkMessages(check: string): CheckMessages | undefined {
  return Object.hasOwn(catalogue, check) ? catalogue[check] : undefined;
}

/** The check ids the catalogue has messages for. */
export function catalogueChecks(): readonly string[] {
  return Object.keys(catalogue);
}

/**
 * The text of a message id in a language, its placeholders filled from `params`, or `undefined`
 * when the catalogue lacks the id. Ids: `<check>.title`, `<check>.failure-title`,
 * `<check>.explanation`, `<check>.advice`, `<check>.supplier`, `<check>.<finding>`, and the
 * shared ids such as `runner.error`.
 */
export function messageText(id: string, language: Language, params: MessageParams = {}): string | undefined {
  const text = localText(id);
  return text === undefined ? undefined : fillPlaceholders(text[language], params);
}

/** The message id of a finding of a check: its own id when it contains a dot, `<check>.<id>` otherwise. */
export function findingMessageId(check: string, finding: Pick<Finding, 'id'>): string {
  return finding.id.includes('.') ? finding.id : `${check}.${finding.id}`;
}

/**
 * A finding as text. A report from a newer pastoe or a custom check may carry a finding the
 * catalogue lacks: it is then shown as its message id and parameters, never dropped.
 */
export function findingText(check: string, finding: Finding, language: Language): string {
  const id = findingMessageId(check, finding);
  const text = messageText(id, language, finding.params);
  if (text !== undefined) return text;
  const params = Object.entries(finding.params ?? {}).map(([key, value]) => `${key}=${String(value)}`);
  return params.length === 0 ? id : `${id} (${params.join(', ')})`;
}

const checkParts: Readonly<Record<string, keyof Omit<CheckMessages, 'findings'>>> = {
  title: 'title',
  'failure-title': 'failureTitle',
  explanation: 'explanation',
  advice: 'advice',
  supplier: 'supplier',
};

function localText(id: string): LocalText | undefined {
  if (Object.hasOwn(commonFindings, id)) return commonFindings[id];
  const dot = id.indexOf('.');
  if (dot <= 0) return undefined;
  const messages = checkMessages(id.slice(0, dot));
  if (messages === undefined) return undefined;
  const part = id.slice(dot + 1);
  const field = Object.hasOwn(checkParts, part) ? checkParts[part] : undefined;
  if (field !== undefined) return messages[field];
  return Object.hasOwn(messages.findings, part) ? messages.findings[part] : undefined;
}

/** Fills `{name}` placeholders; an unknown placeholder stays as written, so a gap is visible. */
function fillPlaceholders(template: string, params: MessageParams): string {
  return template.replace(/\{\{|\}\}|\{([A-Za-z][A-Za-z0-9_-]*)\}/g, (match, name: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    if (name !== undefined && Object.hasOwn(params, name)) return String(params[name]);
    return match;
  });
}
