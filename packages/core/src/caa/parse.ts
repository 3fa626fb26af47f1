/**
 * CAA record checks (RFC 8659, RFC 8657, RFC 9495, CA/B Forum contact properties) as
 * Internet.nl's `checks/caa/parser.py` applies them. Grammar failures are reported as
 * `invalid-property-syntax`, semantic ones by their own message id, as Internet.nl does.
 */

/** One CAA record's fields. */
export interface CaaRecord {
  /** The flags octet. */
  readonly flags: number;
  /** The property tag, as written. */
  readonly tag: string;
  /** The property value. */
  readonly value: string;
}

/** One problem with a CAA record set, named by Internet.nl's message id. */
export interface CaaIssue {
  /** The message id: `invalid-property-syntax`, `missing-required-property-issue`, ... */
  readonly id: string;
  /** Parameters for the message. */
  readonly params: Readonly<Record<string, string>>;
}

const label = '[A-Za-z0-9](?:-*[A-Za-z0-9])*';
const wsp = '[ \\t]*';
const parameter = `${label}${wsp}=${wsp}[\\x21-\\x3A\\x3C-\\x7E]*`;
const parameters = `${parameter}(?:${wsp};${wsp}${parameter})*`;
/** RFC 8659 4.2 issue-value (also issuewild, issuevmc, and RFC 9495 issuemail). */
const issueValue = new RegExp(`^${wsp}(?:${label}(?:\\.${label})*${wsp})?(?:;${wsp}(?:${parameters}${wsp})?)?$`);
const parameterPattern = new RegExp(`(${label})${wsp}=${wsp}([\\x21-\\x3A\\x3C-\\x7E]*)`, 'g');

/** RFC 8657 4: ACME validation methods in the IANA registry; `ca-` prefixed names are CA-specific. */
export const acmeValidationMethods: readonly string[] = Object.freeze(['http-01', 'dns-01', 'tls-alpn-01', 'email-reply-00', 'tkauth-01']);

/** RFC 3966 global-number (the form CA/B Forum SC014 requires for contactphone). */
const phone = (() => {
  const digit = '[0-9\\-.()]';
  const unreserved = "[A-Za-z0-9\\-_.!~*'()]";
  const pct = '%[0-9A-Fa-f]{2}';
  const paramchar = `(?:[\\[\\]/:&+$]|${unreserved}|${pct})`;
  const uric = `(?:[;/?:@&=+$,]|${unreserved}|${pct})`;
  const par = `(?:;isub=${uric}+|;ext=${digit}+|;[A-Za-z0-9-]+(?:=${paramchar}+)?)`;
  return new RegExp(`^\\+${digit}*[0-9]${digit}*${par}*$`);
})();

/** An addr-spec with a dot-atom local part and a dotted host name (Internet.nl `validate_email`). */
const email =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** True when the text is one e-mail address. */
export function isEmailAddress(text: string): boolean {
  return email.test(text);
}

const syntax = (record: CaaRecord): CaaIssue => ({
  id: 'invalid-property-syntax',
  params: { property_name: record.tag, property_value: record.value },
});

function checkIssue(record: CaaRecord): CaaIssue | undefined {
  if (!issueValue.test(record.value)) return syntax(record);
  const semicolon = record.value.indexOf(';');
  if (semicolon < 0) return undefined;
  for (const match of record.value.slice(semicolon + 1).matchAll(parameterPattern)) {
    if (match[1] !== 'validationmethods') continue;
    const methods = match[2] ?? '';
    // RFC 8657 4: value = [*(label ",") label], label = 1*(ALPHA / DIGIT / "-").
    if (!/^(?:[A-Za-z0-9-]+(?:,[A-Za-z0-9-]+)*)?$/.test(methods)) return syntax(record);
    for (const method of methods.split(',').filter((m) => m !== '')) {
      if (!acmeValidationMethods.includes(method) && !method.startsWith('ca-')) {
        return { id: 'invalid-property-issue-validation-method', params: { value: methods } };
      }
    }
  }
  return undefined;
}

function checkIodef(record: CaaRecord): CaaIssue | undefined {
  const invalid: CaaIssue = { id: 'invalid-property-iodef-value', params: { value: record.value } };
  const https = /^https:\/\/([^/?#]*)/i.exec(record.value);
  if (https !== null) return (https[1] ?? '') === '' ? invalid : undefined;
  const mailto = /^mailto:([^?#]*)/i.exec(record.value);
  if (mailto !== null) return isEmailAddress(mailto[1] ?? '') ? undefined : invalid;
  return invalid;
}

const validators: Readonly<Record<string, ((record: CaaRecord) => CaaIssue | undefined) | null>> = Object.freeze({
  issue: checkIssue,
  issuewild: checkIssue,
  issuevmc: checkIssue,
  issuemail: (record: CaaRecord) => (issueValue.test(record.value) ? undefined : syntax(record)),
  iodef: checkIodef,
  contactemail: (record: CaaRecord) =>
    isEmailAddress(record.value) ? undefined : { id: 'invalid-property-contactemail-value', params: { value: record.value } },
  contactphone: (record: CaaRecord) => (phone.test(record.value) ? undefined : syntax(record)),
  // RFC 8659 7.2: reserved property names.
  auth: null,
  path: null,
  policy: null,
});

/**
 * Checks one CAA record: flags must be 0 or 128 (the other bits are reserved); the tag must be a
 * known property (matched case-insensitively); `auth`, `path` and `policy` are reserved and
 * rejected; the value must fit its property's grammar. Returns the problem, if any.
 */
export function checkCaaRecord(record: CaaRecord): CaaIssue | undefined {
  if (record.flags !== 0 && record.flags !== 128) return { id: 'invalid-flags-reserved-bits', params: { value: String(record.flags) } };
  const name = record.tag.toLowerCase();
  if (!Object.hasOwn(validators, name)) return { id: 'invalid-unknown-property', params: { property_tag: record.tag } };
  const validator = validators[name];
  if (validator === null || validator === undefined) return { id: 'invalid-reserved-property', params: { property_tag: record.tag } };
  return validator(record);
}
