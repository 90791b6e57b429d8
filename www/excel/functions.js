// @ts-check
// Excel custom functions (namespace KAM: =KAM.SCORE(…)), run in the add-in's shared runtime:
// taskpane.html loads this module and the task pane in one page, so the WebAssembly module is
// fetched and compiled once and both use the same instance.
//
// Every function of the catalog (../functions/catalog.js) is associated here; the metadata
// Excel reads (functions.json) is generated from the same catalog (scripts/excel_metadata.mjs,
// run by scripts/build.sh). The functions themselves live in ../functions/kam-functions.js,
// the same for every host.
/* global CustomFunctions */

import init, * as kam from '../pkg-core/kam_score.js';
import { createKamFunctions, mapResult, asKamError, KamError } from '../functions/kam-functions.js';
import { KAM_FUNCTIONS } from '../functions/catalog.js';

/** The kam module, initialised once, and the spreadsheet functions over it. */
export const kamReady = init({ module_or_path: new URL('../pkg-core/kam_score_bg.wasm', import.meta.url) })
  .then(() => ({ kam, functions: createKamFunctions(kam) }));

/** A KamError as Excel's error value, with the message shown under the cell's error flag. */
function toExcelError(e) {
  const code = e.code === 'na' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
  return new CustomFunctions.Error(code, String(e.message).slice(0, 255));
}

async function run(name, args) {
  let functions;
  try {
    ({ functions } = await kamReady);
  } catch (e) {
    throw toExcelError(new KamError('value', `kam-score could not load: ${asKamError(e).message}`));
  }
  let result;
  try {
    result = functions[name](...args);
  } catch (e) {
    throw toExcelError(asKamError(e));
  }
  return mapResult(result, toExcelError);
}

/** The Excel function for a catalog entry: its arguments as Excel passes them (a repeated
 * argument as one list of ranges), anything Excel adds after them left out. */
function excelFunction(f) {
  if (f.args.length === 1 && f.args[0].kind === 'ranges') return async (list) => run(f.name, list);
  return async (...args) => run(f.name, args.slice(0, f.args.length));
}

if (typeof CustomFunctions !== 'undefined') {
  for (const f of KAM_FUNCTIONS) CustomFunctions.associate(f.name, excelFunction(f));
}
