import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/**
 * Lists the functions of TypeScript and Svelte sources by length in lines: declarations, methods, accessors,
 * constructors, function expressions and arrow functions, each counted from its first line to its last (a
 * function's nested functions count towards it as well as on their own). Used by `function-length.test.ts`;
 * run on its own to print the longest: `npx tsx test/unit/function-lengths.ts [DIR…] [--over N]`.
 */

export interface FunctionLength {
  /** Path relative to the directory the listing was asked from, with `/` separators. */
  readonly file: string;
  /** `name`, `Class.method`, or `<arrow in name>` for an unnamed function inside a named one. */
  readonly name: string;
  readonly line: number;
  readonly lines: number;
}

export function functionLengths(dirs: readonly string[], root = process.cwd()): FunctionLength[] {
  return dirs
    .flatMap((dir) => sourceFiles(join(root, dir)))
    .flatMap((path) => lengthsIn(relative(root, path).split('\\').join('/'), readFileSync(path, 'utf8')))
    .sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file) || a.line - b.line);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.(ts|mts|svelte)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
    })
    .sort();
}

/** The script of a Svelte component, padded so that line numbers are the component's own. */
function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.svelte')) return text;
  let out = '';
  let from = 0;
  for (const match of text.matchAll(/(<script[^>]*>)([\s\S]*?)<\/script>/g)) {
    const start = match.index + match[1]!.length;
    out += text.slice(from, start).replace(/[^\n]/g, ' ') + match[2]!;
    from = start + match[2]!.length;
  }
  return out;
}

function lengthsIn(file: string, text: string): FunctionLength[] {
  const source = ts.createSourceFile(
    file,
    scriptOf(file, text),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
  const found: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ file, name: nameOf(node, source), line: first + 1, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function ownName(node: ts.Node, source: ts.SourceFile): string | undefined {
  const named = node as ts.Node & { name?: ts.Node };
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (named.name && (ts.isIdentifier(named.name) || ts.isPrivateIdentifier(named.name)))
    return named.name.text;
  if (named.name) return named.name.getText(source);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name))
    return parent.name.text;
  return undefined;
}

function nameOf(node: ts.Node, source: ts.SourceFile): string {
  const own = ownName(node, source);
  const owner = ts.findAncestor(node.parent, (n) => ts.isClassLike(n) || ts.isFunctionLike(n));
  if (own !== undefined) {
    const cls = ts.isClassLike(node.parent) ? node.parent.name?.text : undefined;
    return cls !== undefined ? `${cls}.${own}` : own;
  }
  const around = owner ? ownName(owner, source) : undefined;
  const kind = ts.isArrowFunction(node) ? 'arrow' : 'function';
  return around !== undefined ? `<${kind} in ${around}>` : `<${kind}>`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const overAt = args.indexOf('--over');
  const over = overAt >= 0 ? Number(args[overAt + 1]) : 100;
  const dirs = args.filter((_, i) => i !== overAt && i !== overAt + 1);
  for (const f of functionLengths(dirs.length > 0 ? dirs : ['src'])) {
    if (f.lines > over) console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
  }
}
