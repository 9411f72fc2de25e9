/**
 * npm run bench:assessment
 *
 * Assessment figures, one measurement module per line below (add yours with one import and one
 * entry): autosave latency through the real backend on a SQLite file, and rule evaluation on a
 * generated 300-question definition. Prints figures; asserts nothing.
 */
import type { BenchModule } from './assessment/stats';
import { autosaveLatency } from './assessment/autosave';
import { ruleEvaluation } from './assessment/rules';
import { docxExport, resultsRadar } from './assessment-report';

const MODULES: BenchModule[] = [
  autosaveLatency,
  ruleEvaluation,
  docxExport, resultsRadar,
];

async function main(): Promise<void> {
  for (const m of MODULES) {
    console.log(`— ${m.name}`);
    await m.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
