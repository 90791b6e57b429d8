// Everything that describes the spreadsheet functions, generated from their one table
// (www/functions/catalog.js). Each output is a pure function of the table, so that
// tests/js/functions_catalog.test.mjs can regenerate it in memory and compare it with the file:
//
//   excelMetadata()   www/excel/functions.json (written by scripts/excel_metadata.mjs at build)
//   gsheetsStubs()    the KAM_* custom functions at the end of pkg/gsheets/kam-score.js
//   functionsDts()    npm/kam-functions.d.ts                    (scripts/write_functions_docs.mjs)
//   helpPage()        www/functions/help.html                   (scripts/write_functions_docs.mjs)
//   withReadmeTable() the README between <!-- functions:start --> and <!-- functions:end -->
//
// The Excel metadata goes through `custom-functions-metadata` (Microsoft's own parser of the
// JSDoc tags Excel documents), from a JSDoc text written here, so its format is the library's.
import { createRequire } from 'node:module';
import Module from 'node:module';
import { KAM_FUNCTIONS, KAM_FUNCTION_NAMES, helpUrl } from '../www/functions/catalog.js';

/** The argument list as a person reads it: `SCORE(row, headers, [model])`, `PIPELINE(facts…)`. */
export function signature(f) {
  const args = f.args.map((a) => (a.kind === 'ranges' ? `${a.name}…` : a.optional ? `[${a.name}]` : a.name));
  return `${f.name}(${args.join(', ')})`;
}

const jsArgs = (f) => f.args.map((a) => (a.kind === 'ranges' ? `...${a.name}` : a.name)).join(', ');
/** The call into the shared functions: a repeated argument is passed on as the list itself. */
const runArgs = (f) => (f.args.length === 1 && f.args[0].kind === 'ranges' ? f.args[0].name : `[${f.args.map((a) => a.name).join(', ')}]`);

const EXCEL_TYPE = { range: 'any[][]', ranges: 'any[][][]', model: 'string', lang: 'string', text: 'string', number: 'number' };

/** The JSDoc text custom-functions-metadata reads (one stub per function). */
export function excelSource(functions = KAM_FUNCTIONS) {
  return functions.map((f) => {
    // A repeated argument is one parameter of type any[][][] (not a rest parameter, which
    // custom-functions-metadata would make optional).
    const params = f.args.map((a) => ` * @param {${EXCEL_TYPE[a.kind]}} ${a.optional ? `[${a.name}]` : a.name} ${a.description.en}`);
    return `/**
 * ${f.description.en}
 * @customfunction ${f.name} ${f.name}
 * @helpurl ${helpUrl(f.name)}
${params.join('\n')}
 * @returns {Promise<any[][]>} ${f.result.description.en}
 */
export async function ${f.name}(${f.args.map((a) => a.name).join(', ')}) {}
`;
  }).join('\n');
}

/** The Excel custom-functions metadata (functions.json), as text. Throws on any problem. */
export function excelMetadata(functions = KAM_FUNCTIONS) {
  // custom-functions-metadata parses with the classic TypeScript compiler API, which the
  // repository's TypeScript 7 (the native compiler, used for type checks) no longer has, so
  // its `require("typescript")` is pointed at TypeScript 5 (the `typescript-5` devDependency).
  const require = createRequire(import.meta.url);
  const ts5 = require.resolve('typescript-5');
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (request === 'typescript') return ts5;
    return resolve.call(this, request, parent, ...rest);
  };
  let parsed;
  try {
    const { parseTree } = require('custom-functions-metadata/lib/parseTree.js');
    parsed = parseTree(excelSource(functions), 'catalog.js');
  } finally {
    Module._resolveFilename = resolve;
  }
  const errors = parsed.extras.flatMap((e) => e.errors);
  if (errors.length) throw new Error(`custom-functions-metadata: ${errors.join('; ')}`);
  // The document custom-functions-metadata's generate() writes around the parsed functions.
  return `${JSON.stringify({ allowCustomDataForDataTypeAny: true, functions: parsed.functions }, null, 4)}\n`;
}

/** A text as // comment lines of at most 96 characters. */
function comment(text) {
  const lines = [];
  let line = '//';
  for (const word of text.split(' ')) {
    if (`${line} ${word}`.length > 96) {
      lines.push(line);
      line = '//';
    }
    line = `${line} ${word}`;
  }
  return [...lines, line].join('\n');
}

const GSHEETS_TYPE = { range: 'Array<Array<*>>', ranges: '...*', model: 'string', lang: 'string', text: 'string', number: 'number' };

/** The Apps Script custom functions (KAM_SCORE …), with the JSDoc Sheets shows as help. */
export function gsheetsStubs(functions = KAM_FUNCTIONS) {
  const names = functions.map((f) => `=KAM_${f.name}(…)`).join(', ');
  const header = `// Google Sheets custom functions (generated from www/functions/catalog.js by
// scripts/build_gsheets.mjs):
${comment(`${names}.`)}
// They take whole ranges (each call starts the WebAssembly module afresh, so one call over a
// range is far faster than one per row) and return ranges that spill. An error is thrown with
// its message (the cell shows #ERROR!); inside a spilled range, where Sheets has no error
// values, it is the text "#VALUE! …" or "#N/A …". The library (KAM_LIB) is the bundle above
// this part of the file.
/* global KAM_LIB */
`;
  const stubs = functions.map((f) => {
    const params = f.args.map((a) => ` * @param {${GSHEETS_TYPE[a.kind]}} ${a.optional ? `[${a.name}]` : a.name} ${a.description.en}`);
    return `/**
 * ${f.description.en}
 *
${params.join('\n')}
 * @return ${f.result.description.en}
 * @customfunction
 */
async function KAM_${f.name}(${jsArgs(f)}) {
  return KAM_LIB.run('${f.name}', ${runArgs(f)});
}
`;
  });
  return `${header}\n${stubs.join('\n')}`;
}

const TS_TYPE = { range: 'SheetRange', ranges: 'SheetRange[]', model: 'SheetModel', lang: 'SheetLang', text: 'SheetRange', number: 'SheetRange' };

/** npm/kam-functions.d.ts: the declarations of kam-functions.js. */
export function functionsDts(functions = KAM_FUNCTIONS) {
  const methods = functions.map((f) => {
    const params = f.args.map((a) => {
      const type = a.ts ?? TS_TYPE[a.kind];
      if (a.kind === 'ranges') return `...${a.name}: ${type}`;
      return `${a.name}${a.optional ? '?' : ''}: ${type}`;
    });
    const docs = f.args.map((a) => `   * @param ${a.name} ${a.description.en}`);
    return `  /**
   * ${f.description.en}
${docs.join('\n')}
   * @returns ${f.result.description.en}
   */
  ${f.name}(${params.join(', ')}): ResultCell[][];`;
  });
  return `/** The spreadsheet functions over a kam module (see README, "Spreadsheet functions"). */
// Generated from www/functions/catalog.js by scripts/write_functions_docs.mjs; do not edit.

/** A cell as a spreadsheet passes it. */
export type SheetCell = number | string | boolean | Date | null | undefined;
/** A range: a single value, a row, or a 2-D array of rows. */
export type SheetRange = SheetCell | SheetCell[] | SheetCell[][];
/** A result cell: a value, or a KamError standing for that cell. */
export type ResultCell = number | string | KamError;

/** An error for a host to show: \`code\` is \`value\` (#VALUE!) or \`na\` (#N/A). */
export class KamError extends Error {
  constructor(code: "value" | "na", message: string);
  code: "value" | "na";
}

/** The function names, the same in every host (Excel: KAM.SCORE; Sheets: KAM_SCORE). */
export const KAM_FUNCTION_NAMES: readonly [${KAM_FUNCTION_NAMES.map((n) => JSON.stringify(n)).join(', ')}];

/** Replaces every KamError in a result with \`map(error)\`. */
export function mapResult<T>(result: ResultCell[][], map: (e: KamError) => T): (number | string | T)[][];
/** Any thrown value as a KamError. */
export function asKamError(e: unknown): KamError;

/** \`zh-CN\` (default), \`en\` or \`code\`. */
export type SheetLang = string | null | undefined;
/** A preset name or a model document's JSON text (or the document); left out: key_account. */
export type SheetModel = string | object | null | undefined;

export interface KamFunctions {
${methods.join('\n')}
  /** The cached Scorer for (model, headers). */
  scorer(model: SheetModel, headers: SheetRange): { score(values: SheetCell[]): number; scoreCard(values: SheetCell[]): unknown; free?(): void };
  /** Drops every cached Scorer. */
  clearCache(): void;
}

/** The functions over an initialised kam module (\`import * as kam from "kam-score"\`). */
export function createKamFunctions(kam: object, options?: { cacheSize?: number; asOf?: string }): KamFunctions;
`;
}

/** The README's table of functions (without the marker lines). */
export function readmeTable(functions = KAM_FUNCTIONS) {
  const cell = (t) => t.replace(/\|/g, '\\|');
  const rows = functions.map((f) => `| [\`${signature(f)}\`](www/functions/help.html#${f.name}) | ${cell(f.description.en)} |`);
  return ['| function | gives |', '|---|---|', ...rows].join('\n');
}

export const README_START = '<!-- functions:start (generated from www/functions/catalog.js by scripts/write_functions_docs.mjs) -->';
export const README_END = '<!-- functions:end -->';

/** The README with its table of functions regenerated between the two marker lines. */
export function withReadmeTable(readme, functions = KAM_FUNCTIONS) {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no "${README_START}" … "${README_END}" section`);
  return `${readme.slice(0, start + README_START.length)}\n${readmeTable(functions)}\n${readme.slice(end)}`;
}

const escapeHtml = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** www/functions/help.html: every function in English and Chinese, one section each (the Excel help links). */
export function helpPage(functions = KAM_FUNCTIONS) {
  const sections = functions.map((f) => {
    const args = f.args.map((a) => `      <tr><td><code>${escapeHtml(a.name)}</code>${a.optional ? ' <span class="optional">optional 可选</span>' : ''}</td><td>${escapeHtml(a.description.en)}</td><td lang="zh-CN">${escapeHtml(a.description.zh)}</td></tr>`);
    return `  <section id="${f.name}">
    <h2><code>${escapeHtml(signature(f))}</code></h2>
    <p>${escapeHtml(f.description.en)}</p>
    <p lang="zh-CN">${escapeHtml(f.description.zh)}</p>
    <p class="host">Excel: <code>=KAM.${f.name}(…)</code> · Google Sheets: <code>=KAM_${f.name}(…)</code></p>
    <table>
      <tr><th>argument 参数</th><th>English</th><th lang="zh-CN">中文</th></tr>
${args.join('\n')}
      <tr><td>result 结果</td><td>${escapeHtml(f.result.description.en)}</td><td lang="zh-CN">${escapeHtml(f.result.description.zh)}</td></tr>
    </table>
  </section>`;
  });
  return `<!doctype html>
<!-- Generated from www/functions/catalog.js by scripts/write_functions_docs.mjs; do not edit. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kam-score spreadsheet functions 电子表格函数</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
  .optional, .host { color: #666; }
</style>
</head>
<body>
  <h1>kam-score spreadsheet functions 电子表格函数</h1>
  <p>The same functions in Excel (<code>=KAM.SCORE(…)</code>) and Google Sheets (<code>=KAM_SCORE(…)</code>): ranges in, ranges out. <code>model</code> is a preset name or a model document's JSON text; <code>lang</code> is zh-CN (default), en or code.</p>
  <p lang="zh-CN">Excel（<code>=KAM.SCORE(…)</code>）与 Google 表格（<code>=KAM_SCORE(…)</code>）中的同一组函数：输入区域，输出区域。<code>model</code> 为预设模型名或模型文档的 JSON 文本；<code>lang</code> 为 zh-CN（默认）、en 或 code。</p>
  <nav>${functions.map((f) => `<a href="#${f.name}">${f.name}</a>`).join(' · ')}</nav>
${sections.join('\n')}
</body>
</html>
`;
}
