// The globals the spreadsheet hosts provide to the add-in's scripts (Excel's shared runtime:
// the custom-functions runtime and Office.js). Only their use here is checked, not their API:
// the repository does not install the Office type packages.
declare const CustomFunctions: any;
declare const Excel: any;
declare const Office: any;

// The Apps Script bundle's wasm bytes as base64 text (an esbuild plugin in
// scripts/build_gsheets.mjs makes this module).
declare module 'kam-wasm-base64' {
  const base64: string;
  export default base64;
}
