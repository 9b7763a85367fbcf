// Regenerates every converted seed file from the upstream files (see SEED-FORMAT.md).
// Usage: node convert-all.mjs [sharedDataDir] [seedDir]
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
// Order matters: results reference methods and datasets.
for (const script of ['papers.mjs', 'datasets.mjs', 'methods.mjs', 'results.mjs']) {
  console.log(`\n== ${script}`);
  execFileSync(process.execPath, [join(here, script), ...args], { stdio: 'inherit' });
}
