/**
 * Exports of core/, lib/ and components/ that no other file imports: dead
 * code, or a name that should not be exported. Reads the repository's
 * TypeScript syntax only (no type checking: a second or two), following
 * `import`, `export … from`, `export *`, `import('…')` and `import('…').Type`.
 *
 *   npx tsx scripts/unused-exports.ts     prints them; exits 1 when there is any
 *
 * tests/unit/history-dead-code.test.ts runs it; exceptions are listed there.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The folders whose exports must each be imported somewhere. */
export const CHECKED_DIRS = ['core', 'lib', 'components'];
/** Where imports are looked for: every source folder of the repository, and the configuration files. */
const SOURCE_DIRS = ['core', 'lib', 'components', 'entrypoints', 'cli', 'crawl', 'scripts', 'tests', 'bin'];
const SOURCE_FILES = ['wxt.config.ts', 'vitest.config.ts', 'playwright.config.ts'];
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs'];
const SKIPPED_DIRS = new Set(['node_modules', 'fixtures', 'no-re2']);

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIPPED_DIRS.has(name)) sourceFiles(path, found);
    } else if (EXTENSIONS.some((extension) => name.endsWith(extension)) && !name.endsWith('.d.ts')) found.push(path);
  }
  return found;
}

/** The repository file a module specifier names, or null for a package (or a file that is not TypeScript). */
function resolveSpecifier(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/') || specifier.startsWith('~/')) base = join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier);
  else return null;
  const candidates = [base, ...EXTENSIONS.map((extension) => base + extension), ...EXTENSIONS.map((extension) => join(base, `index${extension}`))];
  if (/\.[mc]?js$/.test(base)) candidates.push(...EXTENSIONS.map((extension) => base.replace(/\.[mc]?js$/, extension)));
  return candidates.find((path) => EXTENSIONS.some((extension) => path.endsWith(extension)) && isFile(path)) ?? null;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

interface ModuleInfo {
  /** Names this file exports itself (a declaration or `export { local }`), with the line of each. */
  own: Map<string, number>;
  /** Names it re-exports from another file: exported name → [file, name there]. */
  reexports: Map<string, [string, string]>;
  /** Files it re-exports everything of (`export * from`). */
  stars: string[];
}

const hasExport = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
const isDefault = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);

function bindingNames(name: ts.BindingName, into: string[] = []): string[] {
  if (ts.isIdentifier(name)) into.push(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) bindingNames(element.name, into);
  return into;
}

export interface UnusedExport {
  /** The file, relative to the repository (forward slashes). */
  file: string;
  name: string;
  line: number;
}

/** Every export of the checked folders that no other file imports, sorted by file and line. */
export function unusedExports(): UnusedExport[] {
  const files = [...SOURCE_DIRS.flatMap((dir) => sourceFiles(join(ROOT, dir))), ...SOURCE_FILES.map((file) => join(ROOT, file))];
  const modules = new Map<string, ModuleInfo>();
  /** Uses found: file → names imported from it by another file ('*': every name). */
  const uses: [string, string][] = [];

  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // Deleted since the folders were listed.
    }
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const info: ModuleInfo = { own: new Map(), reexports: new Map(), stars: [] };
    modules.set(file, info);
    const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    /** Files this one loads with import('…'): any name of theirs it mentions counts as used. */
    const dynamic: string[] = [];
    const mentioned = new Set<string>();

    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        const target = resolveSpecifier(file, node.moduleSpecifier.text);
        const clause = node.importClause;
        if (target && clause) {
          if (clause.name) uses.push([target, 'default']);
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamespaceImport(bindings)) uses.push([target, '*']);
          else if (bindings) for (const element of bindings.elements) uses.push([target, (element.propertyName ?? element.name).text]);
        }
        return;
      }
      if (ts.isExportDeclaration(node)) {
        const target = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? resolveSpecifier(file, node.moduleSpecifier.text) : null;
        if (node.moduleSpecifier && !target) return;
        if (!node.exportClause) {
          if (target) info.stars.push(target);
        } else if (ts.isNamespaceExport(node.exportClause)) {
          if (target) info.reexports.set(node.exportClause.name.text, [target, '*']);
        } else {
          for (const element of node.exportClause.elements) {
            const exported = element.name.text;
            const local = (element.propertyName ?? element.name).text;
            if (target) info.reexports.set(exported, [target, local]);
            else info.own.set(exported, lineOf(element));
          }
        }
        return;
      }
      if (ts.isExportAssignment(node)) info.own.set('default', lineOf(node));
      else if (hasExport(node) && node.parent === source) {
        if (isDefault(node)) info.own.set('default', lineOf(node));
        else if (ts.isVariableStatement(node)) {
          for (const declaration of node.declarationList.declarations)
            for (const name of bindingNames(declaration.name)) info.own.set(name, lineOf(declaration));
        } else if (
          (ts.isFunctionDeclaration(node) ||
            ts.isClassDeclaration(node) ||
            ts.isInterfaceDeclaration(node) ||
            ts.isTypeAliasDeclaration(node) ||
            ts.isEnumDeclaration(node) ||
            ts.isModuleDeclaration(node)) &&
          node.name &&
          ts.isIdentifier(node.name)
        ) {
          info.own.set(node.name.text, lineOf(node));
        }
      }
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [argument] = node.arguments;
        const target = argument && ts.isStringLiteralLike(argument) ? resolveSpecifier(file, argument.text) : null;
        if (target) dynamic.push(target);
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        const target = resolveSpecifier(file, node.argument.literal.text);
        if (target) {
          let qualifier = node.qualifier;
          while (qualifier && ts.isQualifiedName(qualifier)) qualifier = qualifier.left;
          uses.push([target, qualifier ? qualifier.text : '*']);
        }
      }
      if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) mentioned.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
    for (const target of dynamic) for (const name of mentioned) uses.push([target, name]);
  }

  /** Marks a name of a file used, following re-exports and `export *` to the file that declares it. */
  const used = new Set<string>();
  const mark = (file: string, name: string, seen = new Set<string>()): void => {
    const key = `${file}\0${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const info = modules.get(file);
    if (!info) return;
    if (name === '*') {
      for (const own of info.own.keys()) used.add(`${file}\0${own}`);
      for (const exported of info.reexports.keys()) mark(file, exported, seen);
      for (const star of info.stars) mark(star, '*', seen);
      return;
    }
    used.add(key);
    const reexport = info.reexports.get(name);
    if (reexport) mark(reexport[0], reexport[1], seen);
    else if (!info.own.has(name)) for (const star of info.stars) mark(star, name, seen);
  };
  for (const [file, name] of uses) mark(file, name);

  const unused: UnusedExport[] = [];
  for (const [file, info] of modules) {
    const path = relative(ROOT, file).split('\\').join('/');
    if (!CHECKED_DIRS.some((dir) => path.startsWith(`${dir}/`))) continue;
    for (const [name, line] of info.own) if (!used.has(`${file}\0${name}`)) unused.push({ file: path, name, line });
    for (const name of info.reexports.keys()) if (!used.has(`${file}\0${name}`)) unused.push({ file: path, name, line: 0 });
  }
  return unused.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const unused = unusedExports();
  for (const { file, name, line } of unused) console.log(`${file}:${line}  ${name}`);
  console.log(`${unused.length} export(s) of ${CHECKED_DIRS.join('/, ')}/ imported nowhere`);
  process.exitCode = unused.length ? 1 : 0;
}
