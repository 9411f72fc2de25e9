// npm run validate:content — checks the bundled content pack and the product's minimums.
import path from 'node:path';
import { loadPack } from '../electron/backend/content/load-pack';

const dir = path.resolve(process.argv[2] ?? 'resources/content');
const pack = loadPack(dir);
const counts = {
  scenarios: pack.scenarios.length,
  articles: pack.articles.length,
  assessments: pack.assessments.length,
  checklists: pack.checklists.length,
  templates: pack.templates.length,
};
console.log(`Content pack ${pack.manifest?.id ?? '(no manifest)'} v${pack.manifest?.version ?? '?'} at ${dir}`);
console.log(Object.entries(counts).map(([k, v]) => `${k}: ${v}`).join(', '));

const shortfalls: string[] = [];
if (counts.scenarios < 8) shortfalls.push(`at least 8 scenarios (have ${counts.scenarios})`);
if (counts.articles < 60) shortfalls.push(`at least 60 KB articles (have ${counts.articles})`);
if (counts.templates < 6) shortfalls.push(`at least 6 POC templates (have ${counts.templates})`);
if (counts.checklists < 6) shortfalls.push(`at least 6 risk checklists (have ${counts.checklists})`);
for (const s of pack.scenarios) {
  if (!pack.assessments.some((a) => a.scenario === s.id)) shortfalls.push(`an assessment definition for scenario ${s.id}`);
}

for (const p of pack.problems) console.log(`problem: ${p.file}: ${p.field}: ${p.message}`);
for (const s of shortfalls) console.log(`missing: ${s}`);
if (pack.problems.length === 0 && shortfalls.length === 0) console.log('OK: no problems.');
process.exit(pack.problems.length > 0 || shortfalls.length > 0 ? 1 : 0);
