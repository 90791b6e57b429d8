// Rewrites the committed files generated from the spreadsheet functions' one table
// (www/functions/catalog.js): npm/kam-functions.d.ts, www/functions/help.html and the README's
// table of functions. Run it after changing the catalog; tests/js/functions_catalog.test.mjs
// fails until the files agree with it.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { functionsDts, helpPage, withReadmeTable } from './functions_outputs.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const write = (path, text) => {
  const before = readFileSync(`${root}${path}`, { encoding: 'utf8', flag: 'a+' });
  writeFileSync(`${root}${path}`, text);
  console.log(`[functions] ${path}${before === text ? ' (unchanged)' : ''}`);
};
write('npm/kam-functions.d.ts', functionsDts());
write('www/functions/help.html', helpPage());
write('README.md', withReadmeTable(readFileSync(`${root}README.md`, 'utf8')));
