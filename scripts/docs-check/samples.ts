/*
 * Compiles the ```ts samples of the guides and READMEs against the workspace packages' sources, with
 * the repository's compiler options, so that a sample that no longer fits the API fails the check.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { guideFiles, readmeFiles, repositoryRoot } from './files.js';
import { type CodeBlock, readMarkdown } from './markdown.js';

/** A ```ts sample, where it is written. */
export interface Sample {
  /** The Markdown file, relative to the repository root. */
  readonly file: string;
  /** The opening fence's line. */
  readonly line: number;
  /** The code block. */
  readonly block: CodeBlock;
}

/** The outcome of compiling every sample. */
export interface SampleReport {
  /** Samples compiled without an error. */
  readonly compiled: readonly Sample[];
  /** Samples marked ```ts ignore. */
  readonly ignored: readonly Sample[];
  /** Samples marked pending whose name no workspace package exports yet: not judged until it does. */
  readonly pending: readonly (Sample & { readonly name: string })[];
  /** One line per compiler error, `file:line (sample line n): message`. */
  readonly errors: readonly string[];
}

const typeScriptLanguages = new Set(['ts', 'typescript']);

/** Every ```ts sample of the guides and the READMEs. */
export function collectSamples(root: string = repositoryRoot): Sample[] {
  return [...guideFiles(root), ...readmeFiles(root)].flatMap((file) =>
    readMarkdown(readFileSync(join(root, file), 'utf8'))
      .codeBlocks.filter((block) => typeScriptLanguages.has(block.language))
      .map((block) => ({ file, line: block.line, block })),
  );
}

/**
 * Writes each sample as an ES module (.mts) into a temporary folder under node_modules/.cache (so that
 * packages resolve as they do for the repository's own code) and type-checks them all in one
 * program with the options of the root tsconfig.json, whose paths map `@pastoe/*` to the sources.
 */
export function compileSamples(root: string = repositoryRoot): SampleReport {
  const samples = collectSamples(root);
  const ignored = samples.filter((sample) => sample.block.flags.includes('ignore'));
  const judged = samples.filter((sample) => !sample.block.flags.includes('ignore'));
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const folder = mkdtempSync(join(cache, 'docs-check-'));
  try {
    const files = judged.map((sample, index) => {
      const path = join(folder, `${sampleFileName(sample.file)}-${sample.line}-${index}.mts`);
      writeFileSync(path, `${sample.block.code}\n`);
      return { sample, path };
    });
    const program = ts.createProgram(
      files.map((file) => file.path),
      compilerOptions(root),
    );
    const exported = exportedNames(program);
    const compiled: Sample[] = [];
    const pending: (Sample & { name: string })[] = [];
    const errors: string[] = [];
    for (const { sample, path } of files) {
      const source = program.getSourceFile(path);
      const diagnostics =
        source === undefined ? [] : [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
      const name = sample.block.pending;
      if (diagnostics.length === 0) compiled.push(sample);
      else if (name !== undefined && !exported.has(name)) pending.push({ ...sample, name });
      else for (const diagnostic of diagnostics) errors.push(describe(sample, diagnostic));
    }
    return { compiled, ignored, pending, errors };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The root tsconfig.json's options, with every file a module (samples use top-level await). */
function compilerOptions(root: string): ts.CompilerOptions {
  const path = join(root, 'tsconfig.json');
  const config = ts.readConfigFile(path, ts.sys.readFile);
  if (config.error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, path);
  return { ...parsed.options, noEmit: true, moduleDetection: ts.ModuleDetectionKind.Force };
}

/** The names the workspace packages export from their entry files, to tell a pending sample from a broken one. */
function exportedNames(program: ts.Program): Set<string> {
  const checker = program.getTypeChecker();
  const names = new Set<string>();
  for (const file of program.getSourceFiles()) {
    if (!/\/packages\/[^/]+\/src\/index\.ts$/.test(file.fileName)) continue;
    const symbol = checker.getSymbolAtLocation(file);
    if (symbol !== undefined) for (const exported of checker.getExportsOfModule(symbol)) names.add(exported.name);
  }
  return names;
}

function sampleFileName(markdownFile: string): string {
  return markdownFile.replace(/\.md$/, '').replace(/[^a-zA-Z0-9]+/g, '-');
}

function describe(sample: Sample, diagnostic: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (diagnostic.file === undefined || diagnostic.start === undefined) return `${sample.file}:${sample.line}: ${message}`;
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  // The sample's first code line is the line after the opening fence.
  return `${sample.file}:${sample.line + 1 + line}: ${message}`;
}
