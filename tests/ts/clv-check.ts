// Type check of the transaction-log API (MODEL §6) as a TypeScript developer calls it: the
// summary, the fits, predictions, CLV and the join into an account list. Not run.

import {
  rfmSummary, fitBgNbd, fitGammaGamma, bgNbdPredict, bgNbdProbability, customerLifetimeValue,
  joinFutures, transactionColumns, Sheet, valueQuadrant, suggestStrategy,
  fitParetoNbd, paretoNbdPredict, calibrationHoldout, rfmSummaryColumns,
} from '../../pkg/node/kam_score.js';
import type {
  RfmSummary, BgNbdFit, GammaGammaFit, BgNbdPrediction, JoinedFutures, JoinStatus,
  TransactionColumns, CustomerFutures, ClvTimeUnit,
  ParetoNbdFit, ParetoNbdPrediction, CalibrationHoldout, HoldoutGroup, ClvValues, ClvTransactionColumns,
} from '../../pkg/node/kam_score.js';

const unit: ClvTimeUnit = 'week';
const s: RfmSummary = rfmSummary(
  { ids: ['1', '1', '2'], dates: ['1997-01-01', new Date('1997-02-01'), 19970105], amounts: [10, '12.5', 8] },
  { unit, end: '1997-09-30' },
);
const bg: BgNbdFit = fitBgNbd(s);
const typedLog: ClvTransactionColumns = { ids: Uint32Array.of(1, 1, 2), yyyymmdd: Float64Array.of(19970101, 19970201, 19970105) };
const fromColumns: RfmSummary = rfmSummaryColumns(typedLog, { unit, end: '1997-09-30' });
const weighted: BgNbdFit = fitBgNbd({ frequency: [0, 1], recency: [0, 4], T: [30, 30], weights: Float64Array.of(10, 3) });
const weightedGg: GammaGammaFit = fitGammaGamma({ frequency: fromColumns.frequency, monetary: fromColumns.monetary, weights: [1] });
const seR: number = bg.stdErrors.r;
const gg: GammaGammaFit = fitGammaGamma(s, { correlationWarning: 0.3 });
const warning: string | null = gg.warning;
const pred: BgNbdPrediction = bgNbdPredict(bg, s, 52);
const pnbd: ParetoNbdFit = fitParetoNbd(s);
const pnbdCov: number | undefined = pnbd.covariance[0]?.[0];
const pnbdPred: ParetoNbdPrediction = paretoNbdPredict(pnbd, s, 52);
const holdout: CalibrationHoldout = calibrationHoldout(
  { ids: ['1', '1'], dates: ['1997-01-01', '1997-11-01'], amounts: [10, 12] },
  { calibrationEnd: '1997-09-30', observationEnd: new Date('1998-06-30'), unit, model: 'paretonbd' },
);
const withInterval: BgNbdPrediction = bgNbdPredict(bg, s, 52, { interval: 0.9 });
const lowerAlive: Float64Array | undefined = withInterval.lower?.pAlive;
const pnbdUpper: Float64Array | undefined = paretoNbdPredict(pnbd, s, 52, { interval: 0.8 }).upper?.expected;
const clvRange: ClvValues = customerLifetimeValue(bg, gg, s, { horizon: 12, unit, discountRate: 0.01, interval: 0.9 });
const clvLower: Float64Array | undefined = clvRange.lower;
const group: HoldoutGroup | undefined = holdout.byFrequency[0];
const holdoutPredicted: Float64Array = holdout.perCustomer.predicted;
const p0: number = bgNbdProbability({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 0);
const clv: Float64Array = customerLifetimeValue(bg, gg, s, { horizon: 12, unit, discountRate: 0.01 });
const futures: CustomerFutures = { ids: s.ids, pAlive: pred.pAlive, expected: pred.expected, clv };
const joined: JoinedFutures = joinFutures(futures, { ids: ['1', null], names: [null, '甲公司'] });
const status: JoinStatus = joined.status[0] ?? 'noMatch';
const customer: number = joined.customer[0] ?? -1;
const cols: TransactionColumns = transactionColumns(['客户编号', '日期', '金额']);
const dateColumn: number | null = cols.date;
const sheet = Sheet.fromBytes(new Uint8Array(0));
const fromSheet: JoinedFutures = sheet.joinFutures(futures);
const quadrant = valueQuadrant(70, fromSheet.futureScore[0] ?? NaN);
const suggestion = suggestStrategy({ 客户名称: '甲' }, { pAlive: joined.pAlive[0] ?? null, tier: 'vip' });

export { lowerAlive, pnbdUpper, clvLower, pnbdCov, pnbdPred, group, holdoutPredicted, seR, warning, p0, status, customer, dateColumn, quadrant, suggestion };
