// Writes the Excel custom-functions metadata (www/excel/functions.json) from the functions'
// one table (www/functions/catalog.js; scripts/functions_outputs.mjs), and fails on any problem
// custom-functions-metadata reports.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { excelMetadata } from './functions_outputs.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const target = process.argv[2] ?? `${root}www/excel/functions.json`;
let text;
try {
  text = excelMetadata();
} catch (e) {
  console.error(`[excel] ${e.message}`);
  process.exit(1);
}
const ids = JSON.parse(text).functions.map((f) => f.id);
writeFileSync(target, text);
console.log(`[excel] ${target.replace(root, '')}: ${ids.length} functions (${ids.join(', ')})`);
