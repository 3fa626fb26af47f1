import { type RecordType, recordTypeName, recordTypeNumber } from '@pastoe/core';
import { LabDnsError } from './names.js';

/** The numeric value of a record type (`TYPE<n>` and dns-packet's `UNKNOWN_<n>` give n). Throws on a name it does not know. */
export function typeNumber(type: RecordType | string): number {
  const value = recordTypeNumber(type.toUpperCase().replace(/^UNKNOWN_/, 'TYPE'));
  if (value === undefined) throw new LabDnsError(`unknown record type "${type}"`);
  return value;
}

/** The record type for a number: its mnemonic when pastoe knows one, else `TYPE<n>`. */
function typeName(value: number): RecordType {
  return recordTypeName(value);
}

/** True when the text names a record type (a mnemonic or `TYPE<n>`). */
export function isRecordType(text: string): boolean {
  try {
    typeNumber(text);
    return true;
  } catch {
    return false;
  }
}

/** Normalises a type spelling (`type65` → `HTTPS`, `a` → `A`). */
export function canonicalType(text: string): RecordType {
  return typeName(typeNumber(text));
}
