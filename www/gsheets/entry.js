// @ts-check
// The library half of the Apps Script bundle (scripts/build_gsheets.mjs bundles it into one
// script with esbuild): the polyfills, wasm-bindgen's `web` glue, the wasm bytes embedded as
// base64, and the shared spreadsheet functions. The custom functions Sheets sees are in
// functions.js, appended after it.
import './polyfills.js';
import init, * as kam from '../pkg-core/kam_score.js';
import { createKamFunctions, mapResult, asKamError, KamError } from '../functions/kam-functions.js';
import WASM_BASE64 from 'kam-wasm-base64';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 to bytes (Apps Script has no atob; Utilities.base64Decode gives signed bytes). */
export function base64Bytes(text) {
  const table = new Uint8Array(128).fill(255);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  let clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 4 <= clean.length; i += 4) {
    const n = (table[clean.charCodeAt(i)] << 18) | (table[clean.charCodeAt(i + 1)] << 12)
      | (table[clean.charCodeAt(i + 2)] << 6) | table[clean.charCodeAt(i + 3)];
    out[o++] = n >> 16; out[o++] = (n >> 8) & 255; out[o++] = n & 255;
  }
  const rest = clean.length - i;
  if (rest >= 2) {
    const n = (table[clean.charCodeAt(i)] << 18) | (table[clean.charCodeAt(i + 1)] << 12)
      | (rest === 3 ? table[clean.charCodeAt(i + 2)] << 6 : 0);
    out[o++] = n >> 16;
    if (rest === 3) out[o++] = (n >> 8) & 255;
  }
  return out.subarray(0, o);
}

let ready;

/** The functions over the kam module, instantiated once per script run. */
export function kamFunctions() {
  if (!ready) {
    ready = init({ module_or_path: base64Bytes(WASM_BASE64) })
      .then(() => createKamFunctions(kam));
    ready.catch(() => { ready = undefined; });
  }
  return ready;
}

/** Runs one function the way Sheets wants it: a KamError thrown as an Error with the message
 * (the cell shows #ERROR! and the message), one inside an array as the text "#VALUE! …" or
 * "#N/A …" (Sheets has no error values inside an array). */
export async function run(name, args) {
  let f;
  try {
    f = await kamFunctions();
  } catch (e) {
    throw new Error(`kam-score could not load: ${asKamError(e).message}`, { cause: e });
  }
  let result;
  try {
    result = f[name](...args);
  } catch (e) {
    throw new Error(asKamError(e).message, { cause: e });
  }
  if (Array.isArray(result) && result.length === 1 && result[0].length === 1 && result[0][0] instanceof KamError) {
    throw new Error(result[0][0].message);
  }
  return mapResult(result, (e) => `${e.code === 'na' ? '#N/A' : '#VALUE!'} ${e.message}`);
}

export { kam, KamError };
