import type { JsonObject, JsonValue } from '@pastoe/core';

/** The most characters one fact's value shows; a value from a hostile server may be any size. */
const maxValueChars = 160;
/** The most characters the facts of one row show together. */
const maxRowChars = 480;
/** The most items of a list a value shows. */
const maxListItems = 8;

function truncate(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function isEmpty(value: JsonValue | undefined): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function isPrimitive(value: JsonValue): boolean {
  return typeof value !== 'object' || value === null;
}

/** A flat object as its values joined by spaces (`TLSv1.2 sufficient`); `undefined` for a nested one. */
function flatObjectText(value: JsonValue): string | undefined {
  if (isPrimitive(value) || Array.isArray(value)) return undefined;
  const values = Object.values(value as JsonObject);
  return values.every(isPrimitive) ? values.filter((item) => item !== null).join(' ') : undefined;
}

function valueText(value: JsonValue): string {
  if (isPrimitive(value)) return String(value);
  if (Array.isArray(value)) {
    const items = (value as readonly JsonValue[]).map((item) => (isPrimitive(item) ? String(item) : flatObjectText(item)));
    if (items.every((item) => item !== undefined)) {
      const shown = items.slice(0, maxListItems).join(', ');
      return items.length > maxListItems ? `${shown}, +${items.length - maxListItems}` : shown;
    }
  }
  return flatObjectText(value) ?? JSON.stringify(value);
}

/**
 * A check's facts as one compact line for a report table: `key: value` pairs joined by `; `,
 * empty values left out, lists joined, nested values as JSON, every value and the whole line
 * cut to a bounded length. Empty for no facts.
 */
export function factsText(facts: JsonObject | undefined): string {
  if (facts === undefined) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(facts)) {
    if (isEmpty(value)) continue;
    parts.push(`${key}: ${truncate(valueText(value), maxValueChars)}`);
  }
  return truncate(parts.join('; '), maxRowChars);
}
