/*
 * Checks the links of docs/ and the READMEs: a relative link names a file or folder that exists, an
 * #anchor names a heading of its file, and an external link goes to a documentation host. Nothing is
 * fetched (the check runs offline); external links are listed for a reviewer.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { linkedFiles, repositoryRoot } from './files.js';
import { type MarkdownDocument, readMarkdown } from './markdown.js';

/**
 * Hosts an external link may point to: package registries and the references of the standards
 * pastoe checks. Anything else (a vendor, a tracker, a personal site) fails the check.
 */
const documentationHosts: ReadonlySet<string> = new Set([
  'www.npmjs.com',
  'internet.nl',
  'www.internet.nl',
  'forumstandaardisatie.nl',
  'www.forumstandaardisatie.nl',
  'datatracker.ietf.org',
  'www.rfc-editor.org',
  'www.iana.org',
  'data.iana.org',
  'nodejs.org',
  'developer.mozilla.org',
  'jupyter.org',
  'nbconvert.readthedocs.io',
  'typedoc.org',
  'vitest.dev',
  'www.ncsc.nl',
]);

/** An external link, listed for a reviewer. */
export interface ExternalLink {
  readonly file: string;
  readonly line: number;
  readonly url: string;
}

/** The outcome of checking the links. */
export interface LinkReport {
  /** Files read. */
  readonly files: readonly string[];
  /** Relative links and anchors that resolved. */
  readonly checked: number;
  /** Every external link. */
  readonly external: readonly ExternalLink[];
  /** One line per broken link or external link to a host that is not documentation. */
  readonly errors: readonly string[];
}

/** Checks every link of every linked Markdown file. */
export function checkLinks(root: string = repositoryRoot): LinkReport {
  const files = linkedFiles(root);
  const documents = new Map<string, MarkdownDocument>();
  const documentOf = (file: string): MarkdownDocument => {
    let document = documents.get(file);
    if (document === undefined) {
      document = readMarkdown(readFileSync(join(root, file), 'utf8'));
      documents.set(file, document);
    }
    return document;
  };
  const external: ExternalLink[] = [];
  const errors: string[] = [];
  let checked = 0;
  for (const file of files) {
    for (const link of documentOf(file).links) {
      const where = `${file}:${link.line}`;
      if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) {
        if (link.target.startsWith('mailto:')) continue;
        external.push({ file, line: link.line, url: link.target });
        const problem = externalProblem(link.target);
        if (problem !== undefined) errors.push(`${where}: ${problem}`);
        continue;
      }
      const [pathPart = '', anchor] = splitAnchor(link.target);
      const target =
        pathPart === ''
          ? file
          : normalize(join(dirname(file), decodeURIComponent(pathPart)))
              .split('\\')
              .join('/');
      if (target.startsWith('..') || !existsAt(join(root, target))) {
        errors.push(`${where}: ${link.target} names ${target}, which does not exist`);
        continue;
      }
      if (anchor !== undefined && anchor !== '') {
        if (!target.endsWith('.md')) {
          errors.push(`${where}: ${link.target} has an anchor into a file that is not Markdown`);
          continue;
        }
        if (!documentOf(target).anchors.has(decodeURIComponent(anchor).toLowerCase())) {
          errors.push(`${where}: ${link.target}: ${target} has no heading #${anchor}`);
          continue;
        }
      }
      checked += 1;
    }
  }
  return { files, checked, external, errors };
}

/** Why an external link is not allowed, or undefined when it is. */
function externalProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${url} is not a URL`;
  }
  if (parsed.protocol !== 'https:') return `${url}: link over https`;
  if (!documentationHosts.has(parsed.hostname))
    return `${url}: ${parsed.hostname} is not a documentation host (scripts/docs-check/links.ts)`;
  return undefined;
}

function splitAnchor(target: string): [string, string | undefined] {
  const hash = target.indexOf('#');
  return hash === -1 ? [target, undefined] : [target.slice(0, hash), target.slice(hash + 1)];
}

function existsAt(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
