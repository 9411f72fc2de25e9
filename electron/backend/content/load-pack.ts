import { formatApiMessage, isApiMessageKey } from '../../../core/api/message';
import { issueMessage } from '../../../core/api/issues';
import fs from 'node:fs';
import path from 'node:path';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from '../../../core/api/contract';
import {
  assessmentFile,
  checklistFile,
  kbFrontMatter,
  packManifest,
  scenarioFile,
  templateFile,
  type AssessmentFile,
  type ChecklistFile,
  type KbFrontMatter,
  type PackManifest,
  type ScenarioFile,
  type TemplateFile,
  glossaryFile,
  type GlossaryFile,
} from '../../../core/content/schemas';
import { lintKbMarkdown } from '../../../core/content/markdown-lint';
import { convertMarkdown, type ConvertedText } from '../../../core/richtext/markdown';
import { checkReferences, type PackFolder } from './check-refs';

export type LoadedArticle = KbFrontMatter & { body: { en: ConvertedText; zh: ConvertedText } };

export type LoadedPack = {
  manifest: PackManifest | null;
  scenarios: ScenarioFile[];
  articles: LoadedArticle[];
  assessments: AssessmentFile[];
  checklists: ChecklistFile[];
  templates: TemplateFile[];
  /** glossary.yaml, when the pack has one. */
  glossary: GlossaryFile | null;
  problems: ContentProblem[];
};

/** Files larger than this are refused: a content file is text written by people. */
export const MAX_CONTENT_FILE_BYTES = 2_000_000;

type Problems = ContentProblem[];
/** A parsed YAML value and a way to find the line of any path in it (for messages). */
type ParsedYaml = { value: unknown; lineOf: (path: readonly PropertyKey[]) => number | null };

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Why a pack file must not be read, or null: packs arrive from the central repository and are not
 * trusted, so a file is read only when it is a plain file whose real path lies inside the pack
 * (no symbolic link, no folder linked from elsewhere, no `..`).
 */
function outsideThePack(dir: string, file: string): string | null {
  if (fs.lstatSync(file).isSymbolicLink()) return 'is a symbolic link; pack files must be plain files, so it is not read';
  const root = fs.realpathSync(dir);
  const real = fs.realpathSync(file);
  if (real !== root && !real.startsWith(root + path.sep)) return 'lies outside the pack folder (through a linked folder), so it is not read';
  return null;
}

/** Reads a UTF-8 text file; BOM removed and line endings made \n so markers and lines match everywhere. */
function readText(dir: string, rel: string, problems: Problems): string | null {
  const file = path.join(dir, rel);
  let bytes: Buffer;
  try {
    const outside = outsideThePack(dir, file);
    if (outside !== null) {
      problems.push({ file: rel, field: '(file)', message: outside });
      return null;
    }
    const size = fs.statSync(file).size;
    if (size > MAX_CONTENT_FILE_BYTES) {
      problems.push({ file: rel, field: '(file)', message: `is ${size} bytes; content files may be at most ${MAX_CONTENT_FILE_BYTES}` });
      return null;
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    problems.push({ file: rel, field: '(file)', message: `cannot be read: ${errorText(error)}` });
    return null;
  }
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch {
    problems.push({ file: rel, field: '(file)', message: 'is not valid UTF-8 text; save it as UTF-8' });
    return null;
  }
}

/** Parses YAML; a syntax error becomes a problem with its line (offset for front matter inside a Markdown file). */
function parseYaml(text: string, rel: string, problems: Problems, lineOffset = 0): ParsedYaml | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line;
    problems.push({
      file: rel,
      field: line === undefined ? '(file)' : `(line ${line + lineOffset})`,
      // The first line of the parser's message, without its own "at line …" (the field says where).
      message: `is not valid YAML: ${(first.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')}`,
    });
    return null;
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (error) {
    // e.g. too many aliases: a YAML "billion laughs" never expands here.
    problems.push({ file: rel, field: '(file)', message: `cannot be read as YAML: ${errorText(error)}` });
    return null;
  }
  const lineOf = (at: readonly PropertyKey[]): number | null => {
    // The deepest node that exists on the path: a missing field is reported at its parent.
    for (let n = at.length; n >= 0; n--) {
      const node: unknown = doc.getIn(at.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + lineOffset;
    }
    return null;
  };
  return { value, lineOf };
}

function fieldOf(at: readonly PropertyKey[]): string {
  return at.length === 0 ? '(file)' : at.map(String).join('.');
}

/** Zod's wording for a missing field ("expected string, received undefined") is not what an author needs. */
export function describeContentIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return `is required (${issue.expected})`;
  // The schemas' own checks carry message keys (they also check what users save): pack authors read English.
  if (isApiMessageKey(issue.message)) return formatApiMessage(issueMessage(issue, null), 'en');
  return issue.message;
}

function validate<T>(schema: z.ZodType<T>, parsed: ParsedYaml, rel: string, problems: Problems): T | null {
  const result = schema.safeParse(parsed.value);
  if (result.success) return result.data;
  const add = (at: readonly PropertyKey[], message: string): void => {
    const line = parsed.lineOf(at);
    problems.push({ file: rel, field: fieldOf(at), message: line === null ? message : `${message} (line ${line})` });
  };
  for (const issue of result.error.issues) {
    // One problem per unknown key, named by its own path: usually a misspelt field.
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add([...issue.path, key], 'is not a known field (misspelt?)');
    else add(issue.path, describeContentIssue(issue));
  }
  return null;
}

function checkFileName<T extends { id: string }>(value: T | null, rel: string, problems: Problems): T | null {
  if (value === null) return null;
  const expected = path.basename(rel).replace(/\.(ya?ml|md)$/, '');
  if (value.id !== expected) {
    problems.push({ file: rel, field: 'id', message: `is "${value.id}" but the file is named "${expected}"; they must match` });
    return null;
  }
  return value;
}

/** The files of one kind, sorted; anything else in the folder is reported rather than silently ignored. */
function listFiles(dir: string, sub: string, ext: RegExp, expected: string, problems: Problems): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(dir, sub), { withFileTypes: true });
  } catch (error) {
    const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
    problems.push({ file: `${sub}/`, field: '(folder)', message: missing ? 'is missing' : `cannot be read: ${errorText(error)}` });
    return [];
  }
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue; // editor and OS files (.DS_Store, swap files)
    const rel = `${sub}/${entry.name}`;
    if (entry.isDirectory()) problems.push({ file: rel, field: '(folder)', message: 'sub-folders are not read; move its files up' });
    else if (!ext.test(entry.name)) problems.push({ file: rel, field: '(file)', message: `is not a ${expected} file, so it is not loaded` });
    else files.push(rel);
  }
  return files;
}

/** Where each loaded record came from, by `<folder>/<id>`: files may be .yaml or .yml. */
type Sources = Map<string, string>;

function loadYamlKind<T extends { id: string }>(dir: string, sub: PackFolder, schema: z.ZodType<T>, problems: Problems, sources: Sources): T[] {
  const out: T[] = [];
  const ids = new Map<string, string>();
  for (const rel of listFiles(dir, sub, /\.ya?ml$/, '.yaml', problems)) {
    const text = readText(dir, rel, problems);
    if (text === null) continue;
    const parsed = parseYaml(text, rel, problems);
    if (parsed === null) continue;
    const value = checkFileName(validate(schema, parsed, rel, problems), rel, problems);
    if (value === null) continue;
    const dup = ids.get(value.id);
    if (dup) {
      problems.push({ file: rel, field: 'id', message: `"${value.id}" is already used by ${dup}` });
      continue;
    }
    ids.set(value.id, rel);
    sources.set(`${sub}/${value.id}`, rel);
    out.push(value);
  }
  return out;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;
const LANG_MARKER = /^<!-- lang: (en|zh) -->[ \t]*$/gm;

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** Converts one language's body; FORMAT violations and dropped links are recorded, the body kept. */
function convertBody(markdown: string, firstLine: number, rel: string, field: string, problems: Problems): ConvertedText {
  for (const issue of lintKbMarkdown(markdown)) problems.push({ file: rel, field, message: `${issue.message} (line ${firstLine + issue.line - 1})` });
  const { json, text, droppedLinks } = convertMarkdown(markdown);
  const lines = markdown.split('\n');
  for (const url of droppedLinks) {
    const at = lines.findIndex((l) => l.includes(`](${url}`));
    const where = at < 0 ? '' : ` (line ${firstLine + at})`;
    problems.push({ file: rel, field, message: `link to "${url}" was made plain text: only https, http, mailto and kb:<article-id> links are allowed${where}` });
  }
  return { json, text };
}

/** Splits an article file into front matter and its two language bodies. */
function loadArticle(text: string, rel: string, problems: Problems): LoadedArticle | null {
  const fm = FRONT_MATTER.exec(text);
  if (!fm) {
    problems.push({ file: rel, field: '(front matter)', message: 'must start with YAML front matter between two "---" lines' });
    return null;
  }
  const parsed = parseYaml(fm[1] ?? '', rel, problems, 1);
  if (parsed === null) return null;
  const meta = checkFileName(validate(kbFrontMatter, parsed, rel, problems), rel, problems);
  if (meta === null) return null;

  const markers = [...text.matchAll(LANG_MARKER)].filter((m) => (m.index ?? 0) >= fm[0].length);
  const order = markers.map((m) => m[1]).join(',');
  if (order !== 'en,zh') {
    problems.push({
      file: rel,
      field: '(body)',
      message: `must contain a line "<!-- lang: en -->" and then a line "<!-- lang: zh -->", each exactly once (found: ${order || 'none'})`,
    });
    return null;
  }
  const [enMarker, zhMarker] = markers as [RegExpExecArray, RegExpExecArray];
  const enStart = enMarker.index + enMarker[0].length;
  const zhStart = zhMarker.index + zhMarker[0].length;
  if (text.slice(fm[0].length, enMarker.index).trim() !== '') {
    problems.push({ file: rel, field: '(body)', message: `has text before "<!-- lang: en -->" (line ${lineAt(text, fm[0].length)}); it would belong to no language` });
    return null;
  }
  const en = text.slice(enStart, zhMarker.index);
  const zh = text.slice(zhStart);
  if (en.trim() === '' || zh.trim() === '') {
    problems.push({ file: rel, field: '(body)', message: `the ${en.trim() === '' ? 'English' : 'Chinese'} body is empty` });
    return null;
  }
  try {
    return {
      ...meta,
      body: {
        en: convertBody(en, lineAt(text, enStart), rel, 'body.en', problems),
        zh: convertBody(zh, lineAt(text, zhStart), rel, 'body.zh', problems),
      },
    };
  } catch (error) {
    problems.push({ file: rel, field: '(body)', message: `cannot be converted: ${errorText(error)}` });
    return null;
  }
}

function loadArticles(dir: string, problems: Problems, sources: Sources): LoadedArticle[] {
  const articles: LoadedArticle[] = [];
  const ids = new Map<string, string>();
  for (const rel of listFiles(dir, 'kb', /\.md$/, '.md', problems)) {
    const text = readText(dir, rel, problems);
    if (text === null) continue;
    const article = loadArticle(text, rel, problems);
    if (article === null) continue;
    const dup = ids.get(article.id);
    if (dup) {
      problems.push({ file: rel, field: 'id', message: `"${article.id}" is already used by ${dup}` });
      continue;
    }
    ids.set(article.id, rel);
    sources.set(`kb/${article.id}`, rel);
    articles.push(article);
  }
  return articles;
}

const GLOSSARY_FILE = 'glossary.yaml';

/**
 * Reads glossary.yaml (optional). Beyond its schema, a term may name one entry only: a name (in
 * any case) used by two entries would make search expand it into both, so the second is refused,
 * naming both. Entries with a problem are left out; the rest load.
 */
function loadGlossary(dir: string, problems: Problems): GlossaryFile | null {
  if (!fs.existsSync(path.join(dir, GLOSSARY_FILE))) return null;
  const text = readText(dir, GLOSSARY_FILE, problems);
  const parsed = text === null ? null : parseYaml(text, GLOSSARY_FILE, problems);
  const file = parsed === null ? null : validate(glossaryFile, parsed, GLOSSARY_FILE, problems);
  if (file === null) return null;
  const owners = new Map<string, string>();
  const ids = new Set<string>();
  const entries = file.entries.filter((entry, i) => {
    if (ids.has(entry.id)) {
      problems.push({ file: GLOSSARY_FILE, field: `entries.${i}.id`, message: `"${entry.id}" is already used by another entry` });
      return false;
    }
    ids.add(entry.id);
    const names = [...entry.en.map((n, j) => [n, `en.${j}`] as const), ...entry.zh.map((n, j) => [n, `zh.${j}`] as const), ...entry.abbr.map((n, j) => [n, `abbr.${j}`] as const)];
    let clash = false;
    for (const [name, field] of names) {
      const key = name.trim().toLowerCase();
      const owner = owners.get(key);
      if (owner !== undefined && owner !== entry.id) {
        problems.push({ file: GLOSSARY_FILE, field: `entries.${i}.${field}`, message: `"${name}" is already a term of "${owner}"; a term may belong to one entry only` });
        clash = true;
      }
    }
    if (clash) return false;
    for (const [name] of names) owners.set(name.trim().toLowerCase(), entry.id);
    return true;
  });
  return { ...file, entries };
}

/**
 * Reads and validates a content pack. Never throws for bad content: a file that fails its schema
 * (or cannot be read or parsed) is skipped; a file that is valid on its own but names something
 * missing is kept with the problem recorded. Every problem names the file and the field.
 */
export function loadPack(dir: string): LoadedPack {
  const problems: Problems = [];
  const pack: LoadedPack = { manifest: null, scenarios: [], articles: [], assessments: [], checklists: [], templates: [], glossary: null, problems };
  const manifestText = readText(dir, 'pack.yaml', problems);
  const manifestYaml = manifestText === null ? null : parseYaml(manifestText, 'pack.yaml', problems);
  pack.manifest = manifestYaml === null ? null : validate(packManifest, manifestYaml, 'pack.yaml', problems);
  // Without a valid manifest there is no version to import under: load nothing.
  if (pack.manifest === null) return pack;

  const sources: Sources = new Map();
  pack.scenarios = loadYamlKind(dir, 'scenarios', scenarioFile, problems, sources);
  pack.assessments = loadYamlKind(dir, 'assessments', assessmentFile, problems, sources);
  pack.checklists = loadYamlKind(dir, 'checklists', checklistFile, problems, sources);
  pack.templates = loadYamlKind(dir, 'templates', templateFile, problems, sources);
  pack.articles = loadArticles(dir, problems, sources);
  pack.glossary = loadGlossary(dir, problems);
  // Every loaded record has its source; the fallback only keeps the type honest.
  problems.push(...checkReferences(pack, (folder, id) => sources.get(`${folder}/${id}`) ?? `${folder}/${id}`));
  return pack;
}
