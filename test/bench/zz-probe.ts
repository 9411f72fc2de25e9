import { makeTestDb } from '../helpers/kb-db';
import { bundledPack, fieldbenchSearcher } from '../search-eval/relevance';
async function main(): Promise<void> {
  const { db, cleanup } = await makeTestDb();
  const search = fieldbenchSearcher(db, bundledPack());
  const queries = process.argv.slice(2).join(' ').split('|');
  for (const q of queries) console.log(`${q.trim().padEnd(40)} → ${search(q.trim()).slice(0, 4).join(', ') || '(nothing)'}`);
  cleanup();
}
void main();
