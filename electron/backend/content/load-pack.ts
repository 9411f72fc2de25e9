import fs from 'node:fs';
import path from 'node:path';
import { parseDocument, YAMLError } from 'yaml';
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
} from '../../../core/content/schemas';
import { markdownToLexical, type ConvertedText } from './markdown';
import { checkReferences } from './check-refs';

export type LoadedArticle = KbFrontMatter & { body: { en: ConvertedText; zh: ConvertedText } };

export type LoadedPack = {
  manifest: PackManifest | null;
  scenarios: ScenarioFile[];
  articles: LoadedArticle[];
  assessments: AssessmentFile[];
  checklists: ChecklistFile[];
  templates: TemplateFile[];
  problems: ContentProblem[];
};

/** Files larger than this are refused: a content file is text written by people. */
export const MAX_CONTENT_FILE_BYTES = 2_000_000;

type Problems = ContentProblem[];

function readText(dir: string, rel: string, problems: Problems): string | null {
  const file = path.join(dir, rel);
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_CONTENT_FILE_BYTES) {
      problems.push({ file: rel, field: '(file)', message: `is ${size} bytes; content files may be at most ${MAX_CONTENT_FILE_BYTES}` });
      return null;
    }
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    problems.push({ file: rel, field: '(file)', message: `cannot be read: ${error instanceof Error ? error.message : String(error)}` });
    return null;
  }
}

function parseYaml(text: string, rel: string, problems: Problems, lineOffset = 0): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = (first instanceof YAMLError ? (first.linePos?.[0]?.line ?? 0) : 0) + lineOffset;
    problems.push({ file: rel, field: line > 0 ? `(line ${line})` : '(file)', message: `is not valid YAML: ${first.message.split('\n')[0]}` });
    return undefined;
  }
  return doc.toJS();
}

function validate<T>(schema: z.ZodType<T>, value: unknown, rel: string, problems: Problems): T | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file: rel, field: issue.path.length ? issue.path.map(String).join('.') : '(root)', message: issue.message });
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

function listFiles(dir: string, sub: string, ext: RegExp, problems: Problems): string[] {
  const folder = path.join(dir, sub);
  if (!fs.existsSync(folder)) {
    problems.push({ file: `${sub}/`, field: '(folder)', message: 'is missing' });
    return [];
  }
  return fs
    .readdirSync(folder)
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => `${sub}/${f}`);
}

function loadYamlKind<T extends { id: string }>(dir: string, sub: string, schema: z.ZodType<T>, problems: Problems): T[] {
  const out: T[] = [];
  const ids = new Map<string, string>();
  for (const rel of listFiles(dir, sub, /\.ya?ml$/, problems)) {
    const text = readText(dir, rel, problems);
    if (text === null) continue;
    const raw = parseYaml(text, rel, problems);
    if (raw === undefined) continue;
    const value = checkFileName(validate(schema, raw, rel, problems), rel, problems);
    if (value === null) continue;
    const dup = ids.get(value.id);
    if (dup) {
      problems.push({ file: rel, field: 'id', message: `"${value.id}" is already used by ${dup}` });
      continue;
    }
    ids.set(value.id, rel);
    out.push(value);
  }
  return out;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const LANG_MARKER = /^<!-- lang: (en|zh) -->[ \t]*$/gm;

/** Splits an article file into front matter and its two language bodies. */
function loadArticle(text: string, rel: string, problems: Problems): LoadedArticle | null {
  const fm = FRONT_MATTER.exec(text);
  if (!fm) {
    problems.push({ file: rel, field: '(front matter)', message: 'must start with YAML front matter between two "---" lines' });
    return null;
  }
  const raw = parseYaml(fm[1] ?? '', rel, problems, 1);
  if (raw === undefined) return null;
  const meta = checkFileName(validate(kbFrontMatter, raw, rel, problems), rel, problems);
  if (meta === null) return null;

  const body = text.slice(fm[0].length);
  const markers = [...body.matchAll(LANG_MARKER)];
  const order = markers.map((m) => m[1]).join(',');
  if (order !== 'en,zh') {
    problems.push({
      file: rel,
      field: '(body)',
      message: `must contain "<!-- lang: en -->" and then "<!-- lang: zh -->", each exactly once (found: ${order || 'none'})`,
    });
    return null;
  }
  const [enMarker, zhMarker] = markers as [RegExpMatchArray, RegExpMatchArray];
  const en = body.slice((enMarker.index ?? 0) + enMarker[0].length, zhMarker.index).trim();
  const zh = body.slice((zhMarker.index ?? 0) + zhMarker[0].length).trim();
  if (en === '' || zh === '') {
    problems.push({ file: rel, field: '(body)', message: `the ${en === '' ? 'English' : 'Chinese'} body is empty` });
    return null;
  }
  try {
    return { ...meta, body: { en: markdownToLexical(en), zh: markdownToLexical(zh) } };
  } catch (error) {
    problems.push({ file: rel, field: '(body)', message: `cannot be converted: ${error instanceof Error ? error.message : String(error)}` });
    return null;
  }
}

/**
 * Reads and validates a content pack. Never throws for bad content: a file with a problem is
 * skipped (schema or syntax errors) or kept with the problem recorded (dangling references), and
 * every problem names the file and the field.
 */
export function loadPack(dir: string): LoadedPack {
  const problems: Problems = [];
  const pack: LoadedPack = { manifest: null, scenarios: [], articles: [], assessments: [], checklists: [], templates: [], problems };
  const manifestText = readText(dir, 'pack.yaml', problems);
  if (manifestText === null) return pack;
  const manifestRaw = parseYaml(manifestText, 'pack.yaml', problems);
  pack.manifest = manifestRaw === undefined ? null : validate(packManifest, manifestRaw, 'pack.yaml', problems);
  if (pack.manifest === null) return pack;

  pack.scenarios = loadYamlKind(dir, 'scenarios', scenarioFile, problems);
  pack.assessments = loadYamlKind(dir, 'assessments', assessmentFile, problems);
  pack.checklists = loadYamlKind(dir, 'checklists', checklistFile, problems);
  pack.templates = loadYamlKind(dir, 'templates', templateFile, problems);
  const articleIds = new Map<string, string>();
  for (const rel of listFiles(dir, 'kb', /\.md$/, problems)) {
    const text = readText(dir, rel, problems);
    if (text === null) continue;
    const article = loadArticle(text, rel, problems);
    if (article === null) continue;
    const dup = articleIds.get(article.id);
    if (dup) {
      problems.push({ file: rel, field: 'id', message: `"${article.id}" is already used by ${dup}` });
      continue;
    }
    articleIds.set(article.id, rel);
    pack.articles.push(article);
  }
  problems.push(...checkReferences(pack));
  return pack;
}
