// Writes the benchmark's generated data to target/bench/data/ (or $KAM_BENCH_DATA), so the
// native Rust benchmarks read exactly the rows and cells that the wasm and JavaScript runs use:
//   <field>.f64        one little-endian f64 per row (NaN = missing), per numeric field
//   credit_rating.txt  one line per row (empty = missing)
//   messy.txt          one messy cell per line
//   accounts.xlsx / accounts.csv   the account list file (header + KAM_BENCH_FILE_ROWS rows)
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as D from './lib/data.mjs';

const require = createRequire(import.meta.url);
const XLSX = require('xlsx');
const root = new URL('../', import.meta.url).pathname;
const dir = process.env.KAM_BENCH_DATA ?? `${root}target/bench/data`;
const rows = Number(process.env.KAM_BENCH_ROWS ?? 1_000_000);
const fileRows = Number(process.env.KAM_BENCH_FILE_ROWS ?? 100_000);
mkdirSync(dir, { recursive: true });

const data = D.accountColumns(rows);
for (const f of D.NUMBER_FIELDS) writeFileSync(`${dir}/${f}.f64`, Buffer.from(data.numbers[f].buffer));
writeFileSync(`${dir}/credit_rating.txt`, `${data.credit_rating.map((t) => t ?? '').join('\n')}\n`);
writeFileSync(`${dir}/messy.txt`, `${D.messyCells(rows).join('\n')}\n`);

const table = D.accountTable(fileRows);
const ws = XLSX.utils.aoa_to_sheet(table);
const wb = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(wb, ws, '客户清单');
writeFileSync(`${dir}/accounts.xlsx`, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }));
writeFileSync(`${dir}/accounts.csv`, D.toCsv(table));
writeFileSync(`${dir}/meta.json`, JSON.stringify({ rows, fileRows }));
console.log(`[gen] ${rows} rows, ${rows} messy cells, a ${fileRows}-row account list (.xlsx, .csv) in ${dir}`);
