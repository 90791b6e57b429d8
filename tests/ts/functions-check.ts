// Type check only: the spreadsheet functions' declarations (npm/kam-functions.d.ts, generated
// from www/functions/catalog.js) as a package user sees them, beside the built module.
import { createKamFunctions, KAM_FUNCTION_NAMES, KamError, mapResult, type KamFunctions } from "../../pkg/npm/functions/kam-functions.js";

declare const kam: object;
const f: KamFunctions = createKamFunctions(kam, { asOf: "2026-11-01" });
const scores = f.SCORE([["甲公司", 1200]], [["客户名称", "年采购额(万元)"]], "key_account");
const shown: (number | string)[][] = mapResult(scores, (e: KamError) => `#${e.code}`);
f.SCORE_TABLE([["客户名称"], ["甲公司"]], undefined, "en");
f.PIPELINE(true, false, [[true, false]]);
f.PURCHASES([[2]], [[30]], [[38]], "0.243, 4.414, 0.793, 2.426", 52);
f.CLV([[2]], [[30]], [[38]], [[35]], [[0.243, 4.414, 0.793, 2.426]], "6.25, 3.74, 15.44", 12, "week", 0.01);
f.WINPROB([[1]], [["年采购额(万元)"]], { fields: [] });
const first: "SCORE" = KAM_FUNCTION_NAMES[0];
// @ts-expect-error ABC's method is count or share
f.ABC([[1]], "weight");
// @ts-expect-error WINPROB needs its win model
f.WINPROB([[1]], [["a"]]);
export { shown, first };
