/**
 * npm run bench:assessment
 *
 * Assessment figures, one measurement module per line below (add yours with one import and one
 * entry): autosave latency through the real backend on a SQLite file, rule evaluation on a
 * generated 300-question definition, the report's DOCX export and results page, and the memory a
 * 40 MB export costs on its way through each transport. Prints figures; asserts nothing.
 */
import type { BenchModule } from './assessment/stats';
import { autosaveLatency } from './assessment/autosave';
import { ruleEvaluation } from './assessment/rules';
import { docxExport, resultsRadar } from './assessment-report';
import { exportTransport } from './assessment/transport';

const MODULES: BenchModule[] = [
  autosaveLatency,
  ruleEvaluation,
  docxExport, resultsRadar,
  exportTransport,
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
