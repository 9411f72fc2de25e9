// npm run validate:content [pack-dir] — checks a content pack (default: the bundled one) and the
// product's minimums. Prints counts, the minimums, and every problem as "file: field: message";
// exits 1 when there is any problem or a minimum is not met.
import path from 'node:path';
import { loadPack } from '../electron/backend/content/load-pack';

const dir = path.resolve(process.argv[2] ?? 'resources/content');
const pack = loadPack(dir);

console.log(`Content pack ${pack.manifest?.id ?? '(no valid pack.yaml)'} v${pack.manifest?.version ?? '?'} at ${dir}`);

type Minimum = { what: string; have: number; need: number };
const minimums: Minimum[] = [
  { what: 'scenarios', have: pack.scenarios.length, need: 8 },
  { what: 'knowledge-base articles', have: pack.articles.length, need: 60 },
  { what: 'POC templates', have: pack.templates.length, need: 6 },
  { what: 'risk checklists', have: pack.checklists.length, need: 6 },
];
let failed = false;
for (const m of minimums) {
  const ok = m.have >= m.need;
  failed ||= !ok;
  console.log(`${ok ? 'ok     ' : 'MISSING'} ${m.what}: ${m.have} (at least ${m.need})`);
}
console.log(`        assessment definitions: ${pack.assessments.length}`);

// One assessment definition per scenario: exactly one definition is for it, and it is the one the scenario names.
for (const s of pack.scenarios) {
  const defs = pack.assessments.filter((a) => a.scenario === s.id).map((a) => a.id);
  const ok = defs.length === 1 && defs[0] === s.assessment;
  failed ||= !ok;
  const found = defs.length === 0 ? 'none' : defs.join(', ');
  console.log(`${ok ? 'ok     ' : 'MISSING'} assessment for ${s.id}: ${found}${ok ? '' : ` (the scenario names "${s.assessment}"; need exactly that one)`}`);
}

if (pack.problems.length > 0) {
  console.log(`\n${pack.problems.length} problem${pack.problems.length === 1 ? '' : 's'}:`);
  for (const p of pack.problems) console.log(`${p.file}: ${p.field}: ${p.message}`);
}
const ok = !failed && pack.problems.length === 0;
console.log(ok ? '\nOK: no problems, every minimum met.' : '\nFAILED: see above.');
process.exit(ok ? 0 : 1);
