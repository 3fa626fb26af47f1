/**
 * The message catalogue is complete for both presets: every check has its texts in Dutch and
 * English with the same placeholders, nothing is catalogued for a check that does not exist, and
 * every finding id the checks' source can emit resolves for the check(s) that emit it. The source
 * is read statically (finding object literals `{ id: '…' }` in packages/checks-*\/src); the lab
 * e2e tests cover what real reports carry, including the findings core's judgements emit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mailPreset } from '@pastoe/checks-mail';
import { webPreset } from '@pastoe/checks-web';
import { type CheckCatalogue, type LocalText, languages, messageText } from '@pastoe/reporting';
import { describe, expect, it } from 'vitest';
import { commonFindings } from '../../../reporting/src/messages/common.js';
import { mailMessages } from '../../../reporting/src/messages/mail.js';
import { webMessages } from '../../../reporting/src/messages/web.js';

const packagesDir = fileURLToPath(new URL('../../../', import.meta.url));

const placeholderPattern = /\{\{|\}\}|\{([A-Za-z][A-Za-z0-9_-]*)\}/g;

/** The placeholder names of a text, sorted, without repeats. */
function placeholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(placeholderPattern)) if (match[1] !== undefined) names.add(match[1]);
  return [...names].sort();
}

/** Every text of a catalogue with the message id it answers to. */
function textsOf(catalogue: CheckCatalogue): [string, LocalText][] {
  return Object.entries(catalogue).flatMap(([check, messages]): [string, LocalText][] => [
    [`${check}.title`, messages.title],
    [`${check}.failure-title`, messages.failureTitle],
    [`${check}.explanation`, messages.explanation],
    [`${check}.advice`, messages.advice],
    [`${check}.supplier`, messages.supplier],
    ...Object.entries(messages.findings).map(([finding, text]): [string, LocalText] => [`${check}.${finding}`, text]),
  ]);
}

/** The problems of a set of texts: an empty language, or placeholders that differ between the languages. */
function textProblems(texts: readonly [string, LocalText][]): string[] {
  return texts.flatMap(([id, text]) => [
    ...languages.filter((language) => text[language].trim() === '').map((language) => `${id}: empty ${language} text`),
    ...(placeholders(text.nl).join() === placeholders(text.en).join()
      ? []
      : [`${id}: placeholders differ, nl {${placeholders(text.nl).join('}, {')}} en {${placeholders(text.en).join('}, {')}}`]),
  ]);
}

// --- The static scan of the checks' source --------------------------------------------------------

/** One finding object literal in the source. */
interface ScannedFinding {
  /** The package, `checks-web` or `checks-mail`. */
  readonly pkg: string;
  /** The file, relative to packages/. */
  readonly file: string;
  /** The id as written: a string's text, or a template literal's text with its `${…}` parts. */
  readonly written: string;
  /** The message ids it resolves to. */
  readonly messageIds: readonly string[];
  /** The parameter names of an inline `params` literal; `undefined` when they cannot be told (a spread, a variable). */
  readonly params?: readonly string[];
}

/** The codes the security.txt check turns into findings: retrieval, RFC 9116 validation, signature and fetch notes. */
const securityTxtCodes = [
  'unreachable',
  'empty',
  ...['no_security_txt_404', 'no_security_txt_other', 'no_content_type', 'invalid_media', 'invalid_charset', 'location'],
  ...['no_expire', 'multi_expire', 'invalid_expiry', 'expired', 'no_contact', 'no_canonical_match', 'multi_lang', 'invalid_lang'],
  ...['no_uri', 'no_https', 'prec_ws', 'no_space', 'empty_key', 'empty_value', 'invalid_line', 'no_line_separators'],
  ...['signed_format_issue', 'data_after_sig', 'pgp_data_error', 'pgp_error', 'bom_in_file', 'utf8', 'no_csaf_file'],
  ...['long_expiry', 'no_encryption', 'not_signed', 'no_canonical', 'multiple_csaf_fields', 'unknown_field'],
  ...['valid', 'invalid', 'no-signature', 'bad-key', 'unknown-key', 'unsupported'].map((status) => `signature-${status}`),
  'redirect-to-http',
  'untrusted-certificate',
];

/** The situations of a domain without mail servers to test (`MailServerSituation` but `has-mx`). */
const mailServerSituations = ['no-mx', 'null-mx', 'null-mx-with-other-mx', 'null-mx-without-a-aaaa'];

/**
 * Finding ids built from a runtime value that the scan cannot read, by `<file>: <id as written>`,
 * with every bare name they can take (none: the site only prefixes ids the scan reads where they
 * are written). A new one fails the scan until it is listed here.
 */
const dynamicFindingIds: Readonly<Record<string, readonly string[]>> = {
  'checks-web/src/checks/per-web-http.ts: ${checkId}.${finding.id}': [],
  'checks-web/src/checks/web-appsecpriv-securitytxt/web-appsecpriv-securitytxt.check.ts: ${id}.${code}': securityTxtCodes,
  'checks-web/src/checks/web-ipv6-ws-similar/web-ipv6-ws-similar.check.ts: ${id}.${why}': ['no-ipv6', 'ipv6-unreachable'],
  'checks-web/src/checks/web-appsecpriv-referrer-policy/web-appsecpriv-referrer-policy.check.ts: bad-${last}': [
    'bad-origin',
    'bad-origin-when-cross-origin',
    'bad-no-referrer-when-downgrade',
    'bad-unsafe-url',
    'bad-invalid',
  ],
  'checks-mail/src/checks/per-mail-server.ts: ${checkId}.${situation}': mailServerSituations,
  'checks-mail/src/checks/mail-ipv6-mx-reach/mail-ipv6-mx-reach.check.ts: ${id}.${servers.situation}': mailServerSituations,
  'checks-mail/src/checks/mail-mta-sts/mail-mta-sts.check.ts: ${id}.${servers.situation}': mailServerSituations,
  'checks-mail/src/checks/mail-tls-rpt/mail-tls-rpt.check.ts: ${id}.${servers.situation}': mailServerSituations,
  'checks-mail/src/checks/mail-mta-sts/mail-mta-sts.check.ts: ${id}.${finding}': ['record-syntax', 'policy-syntax', 'policy-warning'],
  'checks-mail/src/checks/mail-starttls-tls-caa/mail-starttls-tls-caa.check.ts: ${evaluation.checkId}.${reason}': [
    'no-caa-lookup',
    'no-certificate',
  ],
  // The DMARC parser's warnings (`warning(` and `either(` in dmarc/parse.ts), `unknown-tag` left out by the check.
  'checks-mail/src/checks/mail-auth-dmarc-policy/mail-auth-dmarc-policy.check.ts: ${id}.${warning.code}': [
    ...['empty-tag', 'fo-without-ruf', 'historic-tag', 'invalid-value', 'newer-tag', 'p-not-first', 'partial-pct'],
    ...['unknown-report-format', 'uri-not-mailto', 'uri-size-limit'],
  ],
  // The DKIM parser's warnings (`warnings.push` in dkim/parse.ts).
  'checks-mail/src/dkim/judge-selector.ts: ${check}.${problem.code}': [
    ...['empty-tag', 'rsa-public-key-format', 'unknown-hash', 'sha1-allowed', 'unknown-flag', 'unknown-tag'],
  ],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The text between a balanced `{` at `start` and its `}`, or `undefined`. */
function braced(source: string, start: number): string | undefined {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return source.slice(start + 1, i);
  }
  return undefined;
}

/** The keys of an object literal's body, or `undefined` when it spreads another object. */
function literalKeys(body: string): string[] | undefined {
  const entries: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of body) {
    if ('{[('.includes(char)) depth++;
    if ('}])'.includes(char)) depth--;
    if (char === ',' && depth === 0) {
      entries.push(current);
      current = '';
    } else current += char;
  }
  entries.push(current);
  const keys: string[] = [];
  for (const entry of entries.map((e) => e.trim()).filter((e) => e !== '')) {
    if (entry.startsWith('...')) return undefined;
    keys.push(/^['"]?([\w-]+)['"]?/.exec(entry)?.[1] ?? entry);
  }
  return keys;
}

/** The `params` of the finding literal whose remainder starts at `rest`: its keys, `[]` without params, `undefined` when unknown. */
function paramsAfter(source: string, rest: number): string[] | undefined {
  const after = /^\s*,\s*params\s*(:\s*)?/.exec(source.slice(rest));
  if (after === null) return /^\s*\}/.test(source.slice(rest)) ? [] : undefined;
  if (after[1] === undefined) return undefined;
  const start = rest + after[0].length;
  if (source[start] !== '{') return undefined;
  const body = braced(source, start);
  return body === undefined ? undefined : literalKeys(body);
}

const presetChecks = new Set([...webPreset.checks, ...mailPreset.checks].map((check) => check.id));

/** The preset check ids a file defines (`defineCheck({ id: '…'`, `const id = '…'`, `const checkId = '…'`). */
function definedChecks(source: string): string[] {
  const found = [...source.matchAll(/defineCheck\(\{\s*id:\s*'([^']+)'/g), ...source.matchAll(/const (?:id|checkId)\s*=\s*'([^']+)'/g)].map(
    (match) => match[1] ?? '',
  );
  return [...new Set(found.filter((id) => presetChecks.has(id)))];
}

/** The name of the function a position of the source lies in (the last declared before it). */
function enclosingFunction(source: string, position: number): string | undefined {
  const names = [...source.slice(0, position).matchAll(/(?:^|\n)(?:export\s+)?function\s+(\w+)/g)];
  return names.at(-1)?.[1];
}

/** Scans both checks packages. Also returns what it could not attribute, so that nothing passes unseen. */
function scanFindings(): { findings: ScannedFinding[]; unattributed: string[] } {
  const files = ['checks-web', 'checks-mail'].flatMap((pkg) =>
    sourceFiles(join(packagesDir, pkg, 'src')).map((path) => ({ pkg, path, source: readFileSync(path, 'utf8') })),
  );
  /** The checks that call a function, directly or through the functions that call it (by name, across both packages). */
  const callers = (name: string, seen: Set<string>): string[] => {
    if (seen.has(name)) return [];
    seen.add(name);
    const use = new RegExp(`\\b${name}\\b`, 'g');
    const checks = new Set<string>();
    for (const file of files) {
      for (const found of file.source.matchAll(use)) {
        const at = found.index ?? 0;
        if (/function\s+$/.test(file.source.slice(Math.max(0, at - 20), at))) continue;
        const defined = definedChecks(file.source);
        if (defined.length > 0) for (const check of defined) checks.add(check);
        else {
          const caller = enclosingFunction(file.source, at);
          if (caller !== undefined && caller !== name) for (const check of callers(caller, seen)) checks.add(check);
        }
      }
    }
    return [...checks];
  };
  const findings: ScannedFinding[] = [];
  const unattributed: string[] = [];
  const literal = /\{\s*id:\s*(?:'([^']*)'|`([^`]*)`)(?=\s*[,}])/g;
  for (const { pkg, path, source } of files) {
    const file = relative(packagesDir, path);
    const own = definedChecks(source);
    for (const match of source.matchAll(literal)) {
      const rest = (match.index ?? 0) + match[0].length;
      // A finding literal ends or goes on with its params, a spread or its subject; a check or probe definition goes on otherwise.
      if (!/^\s*(\}|,\s*(params|subject|\.\.\.))/.test(source.slice(rest))) continue;
      const written = match[1] ?? match[2] ?? '';
      const params = paramsAfter(source, rest);
      const owners = (): string[] => {
        if (own.length > 0) return own;
        const name = enclosingFunction(source, match.index ?? 0);
        return name === undefined ? [] : callers(name, new Set());
      };
      const add = (messageIds: string[]) => findings.push({ pkg, file, written, messageIds, ...(params === undefined ? {} : { params }) });
      const prefixed = /^\$\{[\w.]+\}\.(.+)$/.exec(written);
      const name = prefixed?.[1] ?? written;
      // `${a ? 'one' : 'two'}`: both names are in the source.
      const choice = /^\$\{.*\?\s*'([\w-]+)'\s*:\s*'([\w-]+)'\s*\}$/.exec(name);
      if (prefixed === null && written.includes('.') && !written.includes('${')) {
        // A full message id: `<check>.<finding>`, or a shared one such as `runner.error`.
        add([written]);
      } else if (choice !== null) {
        const checks = owners();
        if (checks.length === 0) unattributed.push(`${file}: ${written} belongs to no check`);
        else add(checks.flatMap((check) => [choice[1], choice[2]].map((option) => `${check}.${option}`)));
      } else if (name.includes('${')) {
        const expansions = dynamicFindingIds[`${file}: ${written}`];
        const checks = owners();
        if (expansions === undefined) unattributed.push(`${file}: ${written} is built at run time; list its names in dynamicFindingIds`);
        else if (checks.length === 0) unattributed.push(`${file}: ${written} belongs to no check`);
        else add(checks.flatMap((check) => expansions.map((expansion) => `${check}.${expansion}`)));
      } else {
        const checks = owners();
        if (checks.length === 0) unattributed.push(`${file}: ${written} belongs to no check`);
        else add(checks.map((check) => `${check}.${name}`));
      }
    }
  }
  return { findings, unattributed };
}

const scan = scanFindings();

/** Problems of the scanned findings of one package: ids without text, placeholders no site fills. */
function scannedProblems(pkg: string): string[] {
  const problems = scan.unattributed.filter((line) => line.startsWith(`${pkg}/`));
  for (const finding of scan.findings.filter((f) => f.pkg === pkg)) {
    for (const id of finding.messageIds) {
      const text = messageText(id, 'en');
      if (text === undefined || messageText(id, 'nl') === undefined) {
        problems.push(`${finding.file}: ${id} has no text`);
        continue;
      }
      const params = finding.params;
      const unfilled = params === undefined ? [] : placeholders(text).filter((name) => !params.includes(name));
      if (unfilled.length > 0)
        problems.push(`${finding.file}: ${id} uses {${unfilled.join('}, {')}}, which ${finding.written} never fills`);
    }
  }
  return [...new Set(problems)];
}

// --- The tests ------------------------------------------------------------------------------------

function describeCatalogue(name: string, checks: readonly string[], catalogue: CheckCatalogue, pkg: string): void {
  describe(`the ${name} catalogue`, () => {
    it('has an entry for every check of the preset, and none for a check that does not exist', () => {
      expect(checks.length).toBeGreaterThan(20);
      expect(checks.filter((check) => !Object.hasOwn(catalogue, check))).toEqual([]);
      expect(Object.keys(catalogue).filter((check) => !checks.includes(check))).toEqual([]);
    });

    it('has every text in Dutch and English, with the same placeholders', () => {
      expect(textProblems(textsOf(catalogue))).toEqual([]);
    });

    it("has a text for every finding id the checks' source can emit, with placeholders the finding fills", () => {
      expect(scan.findings.filter((finding) => finding.pkg === pkg).length).toBeGreaterThan(40);
      expect(scannedProblems(pkg)).toEqual([]);
    });
  });
}

describeCatalogue(
  'website',
  webPreset.checks.map((check) => check.id),
  webMessages,
  'checks-web',
);
describeCatalogue(
  'mail',
  mailPreset.checks.map((check) => check.id),
  mailMessages,
  'checks-mail',
);

describe('the shared findings', () => {
  it('are dotted ids that name no check, in Dutch and English with the same placeholders', () => {
    const ids = Object.keys(commonFindings);
    expect(ids).toContain('runner.error');
    expect(ids.filter((id) => !id.includes('.') || presetChecks.has(id.slice(0, id.indexOf('.'))))).toEqual([]);
    expect(textProblems(Object.entries(commonFindings))).toEqual([]);
  });

  it('has a text for every vantage step the runner can name', () => {
    for (const step of ['resolver', 'trust-anchors', 'tcp', 'ipv6', 'smtp', 'unknown']) {
      expect(messageText(`vantage.${step}`, 'nl', { step, code: 'x', resolver: 'r', reason: 'why' })).toContain('why');
    }
  });
});

describe("the static scan of the checks' source", () => {
  it('finds the finding literals of both checks packages, so that it cannot pass by finding none', () => {
    expect(scan.findings.length).toBeGreaterThan(100);
    expect(scan.findings.filter((finding) => finding.pkg === 'checks-web').length).toBeGreaterThan(40);
    // Known sites: a bare id in a check, a shared helper's id, a full id and a shared dotted one.
    const ids = new Set(scan.findings.flatMap((finding) => finding.messageIds));
    for (const id of [
      'web-https-http-hsts.max-age-too-short',
      'web-appsecpriv-csp.no-https',
      'web-coop.no-address',
      'web-ipv6-ws-reach.port-only-on-ipv4',
      'web-https-http-available.unreachable',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('attributes a shared helper’s finding to the checks that call the helper, and only those', () => {
    const ids = new Set(scan.findings.flatMap((finding) => finding.messageIds));
    expect(ids).toContain('web-https-dane-exist.not-tested');
    expect(ids).not.toContain('web-https-redirect-downgrade.no-https');
  });
});
