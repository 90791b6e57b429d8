// Generates the Excel custom-functions metadata (www/excel/functions.json) from the JSDoc
// tags in www/excel/functions.js with the `custom-functions-metadata` package, and fails on
// any error it reports (its own command line prints errors but still exits 0).
//
// custom-functions-metadata parses with the classic TypeScript compiler API, which the
// repository's TypeScript 7 (the native compiler, used for type checks) no longer has, so
// its `require("typescript")` is pointed at TypeScript 5 (the `typescript-5` devDependency).
import { createRequire } from 'node:module';
import Module from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const ts5 = require.resolve('typescript-5');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  if (request === 'typescript') return ts5;
  return resolve.call(this, request, parent, ...rest);
};
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata/lib/generate.js');

const source = `${root}www/excel/functions.js`;
const target = process.argv[2] ?? `${root}www/excel/functions.json`;
const result = await generateCustomFunctionsMetadata(source);
if (result.errors.length > 0 || !result.metadataJson) {
  console.error(`[excel] custom-functions-metadata found problems in ${source}:`);
  for (const e of result.errors) console.error(`  ${e}`);
  process.exit(1);
}
// Every function in the metadata must be associated in the script, and the other way round.
const metadata = JSON.parse(result.metadataJson);
const ids = metadata.functions.map((f) => f.id).sort();
const associated = [...readFileSync(source, 'utf8').matchAll(/CustomFunctions\.associate\('([A-Z_]+)'/g)].map((m) => m[1]).sort();
if (JSON.stringify(ids) !== JSON.stringify(associated)) {
  console.error(`[excel] metadata ids ${ids.join(', ')} differ from the associated ${associated.join(', ')}`);
  process.exit(1);
}
writeFileSync(target, `${result.metadataJson}\n`);
console.log(`[excel] ${target.replace(root, '')}: ${ids.length} functions (${ids.join(', ')})`);
