// Type check of the JavaScript API as a TypeScript developer calls it: every export of the
// pkg/node build, with its results read through annotated types. `tsc -p tests/ts` fails
// when a declared type is missing or does not match what the code here reads. Not run.

import {
  parseValue, parseDate, scoreAccount, scoreAccounts, scoreColumns, Scorer, mapHeaders,
  presetNames, presetModel, validateModel, rfmScores, percentileRanks,
  valueTier, valueTierText, abcClasses, abcAnalysis, abcForRows, accountClass,
  keyAccountQualification, valueQuadrant, attractivenessLetter, pipelineGrade,
  pipelineFactKeys, weightedPipeline, manQualification, accountClassLabels, accountClasses,
  valuePyramid, accountProfitability,
  matrixStrategy, matrixTable, suggestStrategy, cadence, relationshipLevels, assessLevel,
  buyingCentre, compareSnapshots, fitWinModel, winProbability, evaluateWinModel, winHoldout, learnedPipeline, timeUnitLength, holdoutVerdict, Sheet,
} from '../../pkg/node/kam_score.js';
import type {
  CellValue, Label, ModelInput, ModelDocument, ModelProblem, ModelProblemCode, InvalidModelError, ScoreOptions, ScoreCard, FactorScore, InputScore,
  NextTier, TierMove, CellError, ScoreColumns, HeaderMapping, RfmScore, Transform,
  AbcOptions, AbcAnalysis, AbcClassCode, AbcClassSummary, AccountClass, ClassOptions,
  KeyAccountQualification, QualificationItem, ValueQuadrant, PipelineGrade, PipelineGradeCode,
  LearnedPipeline, PipelineFactKey, PipelineRequirement, PipelineWarning, WeightedPipeline, PipelineGradeSum,
  ManQualification, ManAdviceCode, RuleSourceCode, AccountClassLabel, AccountClasses,
  AccountClassCode, PyramidLevelCode, PyramidOptions, AccountProfitability, ProfitabilityOptions,
  WhaleCurve, PipelineFactsInput, MatrixOptions, MatrixStrategy, MatrixCellCode, Suggestion, SuggestOptions,
  SuggestionItem, SuggestionItemKind, SuggestionLevel, SuggestionCadence, LabelText, Cadence,
  CadenceOptions, LevelSigns, LevelAssessment, LevelSignShare, NextLevelPlan,
  RelationshipLevelCode, BuyingCentre, BuyingCentreGap, BuyingRole, TierCode, ChurnOptions,
  Comparison, AccountChange, CompareStatusCode, WinModel, WinProbability, WinEvaluation, WinHoldout,
} from '../../pkg/node/kam_score.js';

// ---- Scoring ----

const row: Record<string, CellValue> = {
  客户名称: '华东精密机械有限公司', 年采购额: '¥1,200万', 毛利率: '23%', 信用等级: 'A',
  订单数: 26, 合作年限: 6, 最近下单日期: new Date('2026-01-10'),
};
const money: number = parseValue('¥1.2万');
const day: string | undefined = parseDate('2026年3月15日');

const scoreOptions: ScoreOptions = { asOf: '2026-03-15' };
const modelName: ModelInput = 'key_account';
const card: ScoreCard = scoreAccount(row, modelName, scoreOptions);
const score: number | null = card.score;
const coverage: number = card.coverage;
const tierCode: string | undefined = card.tier?.code;
const factor: FactorScore | undefined = card.factors[0];
const factorPoints: number | undefined = factor?.points;
const inputs: InputScore[] = factor?.inputs ?? [];
const subScore: number | null | undefined = inputs[0]?.subScore;
const next: NextTier | null = card.nextTier;
const firstMove: TierMove | undefined = next?.moves[0];
const moveText: string | undefined = firstMove?.text.zh;
const reason: Label | null = card.reason;
const cellErrors: CellError[] = card.errors;
const errorRow: number | null | undefined = cellErrors[0]?.row;

const cards: ScoreCard[] = scoreAccounts([row, { 年采购额: '¥85万', 毛利率: 0.18 }], 'rfm', {});
const columns: ScoreColumns = scoreColumns(
  { annual_purchase: new Float64Array([1.2e7, 8.5e5]), credit_rating: ['A', 'B'], order_count: [26, 9] },
  undefined,
);
const columnScores: Float64Array = columns.score;
const columnTiers: Uint8Array = columns.tier;

const scorer: Scorer = new Scorer('key_account', ['客户名称', '年采购额(万元)', '毛利率', '信用等级'], {});
const rowScore: number = scorer.score(['甲公司', 1200, '23%', 'A']);
const scorerCard: ScoreCard = scorer.scoreCard({ annual_purchase: 1.2e7 });
const mapping: HeaderMapping[] = scorer.mapping();
const mappedField: string | null | undefined = mapping[0]?.field;
scorer.free();

const headerMap: HeaderMapping[] = mapHeaders(['年采购额(万元)', '备注']);
const scale: number | undefined = headerMap[0]?.scale;
const presets: string[] = presetNames();
const doc: ModelDocument = presetModel('attractiveness');
const transform: Transform | undefined = doc.factors[0]?.inputs[0]?.transform;
const problems: ModelProblem[] = validateModel(doc);
const problemCode: ModelProblemCode | undefined = problems[0]?.code;
const problemPath: string | undefined = problems[0]?.path;
const problemZh: string | undefined = problems[0]?.zh;
try {
  scoreAccount({}, '{"name": ""}');
} catch (e) {
  const invalid = e as InvalidModelError;
  const invalidCode: 'invalid_model' | 'unknown_preset' = invalid.code;
  const invalidList: ModelProblem[] = invalid.problems;
  const invalidText: string = invalid.zh + invalid.en + invalid.message;
}
const rfm: (RfmScore | null)[] = rfmScores(new Float64Array([10, 200]), new Float64Array([12, 1]), new Float64Array([5e5, 1e3]));
const rfmSegment: Label | undefined = rfm[0]?.segment;
const ranks: Float64Array = percentileRanks(new Float64Array([3, 1, 2]));

// ---- Grades ----

const tier: Label | null = valueTier(72, { vip: 80, important: 60, ordinary: 40 });
const tierText: string = valueTierText(72, 'en');

const abcOptions: AbcOptions = { method: 'share', cuts: [0.8, 0.95], concentrationTop: 0.2 };
const classes: (AbcClassCode | null)[] = abcClasses([120, 85, null, '¥30万', 5], abcOptions);
const abc: AbcAnalysis = abcAnalysis(new Float64Array([120, 85, Number.NaN, 30, 5]), { method: 'count' });
const abcFirst: AbcClassCode | null | undefined = abc.classes[0];
const abcRanked: number = abc.ranked;
const abcSummary: AbcClassSummary | undefined = abc.summary[0];
const abcShare: number | null | undefined = abcSummary?.share;
const abcCount: number | undefined = abcSummary?.count;
const concentration: number | null = abc.concentration;
const concentrationTop: number = abc.concentrationTop;
const concentrationText: string | undefined = abc.concentrationText?.en;
const abcRows: AbcAnalysis = abcForRows([row, { 年采购额: '¥85万' }], 'annual_purchase', {});
const abcTotal: number = abcRows.total;
const abcAim: string | undefined = abc.summary[2]?.aim.zh;

const pyramidOptions: PyramidOptions = { cuts: [0.01, 0.05, 0.2] };
const pyramid: (PyramidLevelCode | null)[] = valuePyramid(new Float64Array([120, 85, Number.NaN]), pyramidOptions);

const classOptions: ClassOptions = { keyRevenueShare: 0.05, keyAnnualPurchase: 1e6, keyPotentialPurchase: null, longRelationshipYears: 3 };
const accClass: AccountClass = accountClass({ is_customer: true, revenue_share: 0.08, relationship_years: 5 }, classOptions);
const accClassCode: 'key' | 'ordinary' | 'prospect' | 'suspect' = accClass.code;
const accReasons: Label[] = accClass.reasons;
const classLabels: AccountClassLabel[] = accountClassLabels();
const classLabelCode: AccountClassCode | undefined = classLabels[0]?.code;
const accClasses: AccountClasses = accountClasses([{ is_customer: true, revenue_share: 0.2, gross_margin: '2%' }], { keyMinMargin: 0.1, marginFromList: true, unknownMarginBlocksKey: false });
const marginBar: number = accClasses.marginBar;
const medianMargin: number | null = accClasses.medianMargin;
const listClass: AccountClass | undefined = accClasses.classes[0];

const profitabilityOptions: ProfitabilityOptions = { costPerVisit: 800, costPerOrder: null };
const profitability: AccountProfitability = accountProfitability([{ 年采购额: '¥100万', 毛利率: '20%', 拜访次数: 12 }], profitabilityOptions);
const profitColumn: Float64Array = profitability.profit;
const costColumn: Float64Array = profitability.costToServe;
const whale: WhaleCurve = profitability.whaleCurve;
const whaleShare: Float64Array = whale.share;
const whaleProfit: Float64Array = whale.cumulativeProfit;
const peakProfitShare: number | null = profitability.peakProfitShare;
const lossMakingShare: number | null = profitability.lossMakingShare;

const kaq: KeyAccountQualification = keyAccountQualification({ ka_image: true, fits_our_product: true, buys_centrally: true, buys_continuously: false });
const qualifies: boolean = kaq.qualifies;
const verdict: 'qualified' | 'not_qualified' | 'unclear' = kaq.verdict.code;
const elementsMet: Label[] = kaq.elementsMet;
const check: QualificationItem | undefined = kaq.checks[0];
const checkStatus: 'met' | 'not_met' | 'unknown' | undefined = check?.status;
const elementCount: number = kaq.elements.length;
const kaReasons: string[] = kaq.reasons.map((r) => r.en);

const quadrant: ValueQuadrant | null = valueQuadrant(72, 35, { current: 50, future: 50 });
const quadrantCode: 'vip' | 'improve' | 'maintain' | 'drop' | undefined = quadrant?.code;
const currentHigh: boolean | undefined = quadrant?.currentHigh;
const futureHigh: boolean | undefined = quadrant?.futureHigh;

const letter: string | undefined = attractivenessLetter(55, { a: 70, b: 40 });

const grade: PipelineGrade = pipelineGrade({ lead_data: true, key_facts_known: 'TRUE', answer: '中立', paid: null }, {});
const gradeCode: PipelineGradeCode = grade.code;
const gradeName: string = grade.zh;
const probability: number = grade.probability;
const met: PipelineFactKey[] = grade.met;
const nextGrade: PipelineGradeCode | null = grade.next;
const missing: PipelineRequirement | null = grade.missing;
const missingMode: 'all' | 'any' | undefined = missing?.mode;
const missingFacts: PipelineFactKey[] | undefined = missing?.facts;
const missingGroups: PipelineRequirement[] | undefined = missing?.groups;
const nextStep: string = grade.nextStep.en;
const warning: PipelineWarning | undefined = grade.warnings[0];
const warningStages: PipelineGradeCode[] | undefined = warning?.stages;
const warningFacts: PipelineFactKey[] | undefined = warning?.facts;
const fromFlags: PipelineGrade = pipelineGrade([true, true, true, true], { probabilities: { A08: 0.1 } });
const factKeys: string[] = pipelineFactKeys();
const quotedFacts: PipelineFactsInput = { lead_data: true, we_quoted_price: true, price_discussed: null };
const quoted: PipelineGrade = pipelineGrade(quotedFacts);
const suggestions: Label[] = quoted.suggestions;
const scopeWarning: boolean = quoted.warnings.some((w) => w.code === 'scope_not_confirmed' || w.code === 'price_too_early');

const pipeline: WeightedPipeline = weightedPipeline(
  [{ lead_data: true, deal_value: 100 }, { contract_signed: true, deal_value: 50 }],
  { probabilities: { A21: 0.02 } },
);
const weightedTotal: number = pipeline.weightedTotal;
const totalValue: number = pipeline.totalValue;
const counted: number = pipeline.counted;
const withoutValue: number = pipeline.withoutValue;
const byGrade: PipelineGradeSum | undefined = pipeline.byGrade[0];
const byGradeWeighted: number | undefined = byGrade?.weighted;
const unreadable: number[] = pipeline.unreadableRows;

const man: ManQualification = manQualification(true, 'yes', 0);
const manCode: string = man.code;
const advice: ManAdviceCode = man.advice.code;
const manSource: RuleSourceCode = man.source.code;
const manFlags: [boolean, boolean, boolean] = [man.money, man.authority, man.need];
const manUnknown: string[] = man.unknown;

// ---- Strategies ----

const matrixOptions: MatrixOptions = { overrides: { C5: { strategy: 'minimum_investment', targets: ['C4'] }, C6: { zh: '放手', en: 'Let go' } } };
const strategy: MatrixStrategy = matrixStrategy('B', 2, matrixOptions);
const strategyCell: MatrixCellCode = strategy.cell;
const strategyTargets: MatrixCellCode[] = strategy.targets;
const strategyCode: string = strategy.strategy.code;
const isDefault: boolean = strategy.isDefault;
const overridden: boolean = strategy.overridden;
const table: MatrixStrategy[] = matrixTable({});
const tableCells: MatrixCellCode[] = table.map((s) => s.cell);

const suggestOptions: SuggestOptions = {
  lang: 'en',
  asOf: new Date('2026-03-15'),
  card,
  pAlive: null,
  levelSigns: ['preferred_many_key_people', 'preferred_inside_info'],
  matrix: matrixOptions,
  level: { threshold: 0.5 },
  cadence: { aPerYear: 12, bPerYear: 6 },
  churn: { minTier: 'important', minDays: 90, intervalMultiplier: 2, pAliveThreshold: 0.5 },
  tiers: { vip: 80, important: 60, ordinary: 40 },
  letterCuts: { a: 70, b: 40 },
  abc: 'A',
  list: { annual_purchase: new Float64Array([1e6, 2e6]), gross_margin: [0.2, null] },
  listHasContacts: false,
  listHasLevels: true,
  estimate: { frequentOrders: 12, minFactors: 1 },
  lifecycle: { formationYears: 1, stabilityYears: 2 },
};
const suggestion: Suggestion = suggestStrategy(
  { ...row, attractiveness: 'A', relationship_status: '目前关系良好', contact_decision_maker: '王总', last_order_days: 200 },
  suggestOptions,
);
const suggestedCell: MatrixCellCode | null = suggestion.cell;
const cellEstimated: boolean = suggestion.cellEstimated;
const attractivenessLetter2: AbcClassCode | undefined = suggestion.attractiveness?.letter;
const attractivenessEstimated: boolean | undefined = suggestion.attractiveness?.estimated;
const basisPercentile: number | undefined = suggestion.attractiveness?.basis[0]?.percentile;
const statusValue: 1 | 2 | 3 | 4 | 5 | 6 | undefined = suggestion.status?.value;
const statusEvidence: string | undefined = suggestion.status?.evidence[0]?.zh;
const stage: 'exploration' | 'formation' | 'stability' | 'decline' | undefined = suggestion.lifecycle?.code;
const stageWork: string | undefined = suggestion.lifecycle?.work.en;
const suggestedTargets: MatrixCellCode[] = suggestion.targets;
const action: SuggestionItem | undefined = suggestion.actions[0];
const actionKind: SuggestionItemKind | undefined = action?.kind;
const actionPriority: number | undefined = action?.priority;
const actionText: string | undefined = action?.text;
const actionDetails: LabelText[] | undefined = action?.details;
const detailText: string | undefined = actionDetails?.[0]?.text;
const warnings: SuggestionItem[] = suggestion.warnings;
const gaps: SuggestionItem[] = suggestion.gaps;
const level: SuggestionLevel | null = suggestion.relationshipLevel;
const levelNumber: 1 | 2 | 3 | 4 | undefined = level?.level;
const levelCode: RelationshipLevelCode | undefined = level?.code;
const levelSource: 'signs' | 'field' | undefined = level?.source;
const nextLevel: LabelText | undefined = level?.nextLevel;
const levelMoves: LabelText[] | undefined = level?.moves;
const buildTie: string | undefined = level?.buildTie.zh;
const suggestedCadence: SuggestionCadence | null = suggestion.cadence;
const cadenceClass: AbcClassCode | undefined = suggestedCadence?.class;
const cadenceGrade: AbcClassCode | TierCode | undefined = suggestedCadence?.grade;
const cadencePerYear: number | undefined = suggestedCadence?.contactsPerYear;
const ownerName: string | undefined = suggestedCadence?.ownerName;
const cadenceServices: LabelText[] | undefined = suggestedCadence?.services;
const plain: Suggestion = suggestStrategy({ attractiveness: 85 }, { tier: 'vip', asOf: '2026-03-15' });

const cadenceOptions: CadenceOptions = { aPerYear: 12, bPerYear: 4, cPerYear: 2 };
const contact: Cadence = cadence('vip', cadenceOptions);
const contactGrade: AbcClassCode | TierCode = contact.grade;
const contactClass: AbcClassCode = contact.class;
const contactPlan: string = contact.plan.code;
const contactsPerYear: number = contact.contactsPerYear;
const frequency: Label = contact.frequency;
const channel: string = contact.channel.en;
const owner: string = contact.owner.zh;
const groupEvents: boolean = contact.groupEvents;
const services: Label[] = contact.services;

const levels: LevelSigns[] = relationshipLevels();
const firstLevel: LevelSigns | undefined = levels[0];
const firstLevelNumber: 1 | 2 | 3 | 4 | undefined = firstLevel?.level;
const signCodes: string[] = firstLevel?.signs.map((s) => s.code) ?? [];

const assessed: LevelAssessment = assessLevel(signCodes, { threshold: 0.5 });
const assessedLevel: RelationshipLevelCode | null = assessed.assessment.level;
const shares: LevelSignShare[] = assessed.assessment.shares;
const ticked: number | undefined = shares[0]?.ticked;
const unknownSigns: string[] = assessed.assessment.unknownSigns;
const plan: NextLevelPlan | null = assessed.next;
const planTo: RelationshipLevelCode | null | undefined = plan?.to;
const planFrom: RelationshipLevelCode | undefined = plan?.from;
const currentTie: string | undefined = plan?.currentTie.code;
const planMoves: Label[] | undefined = plan?.moves;

const centre: BuyingCentre = buyingCentre({ contact_decision_maker: '王总', contact_coach: '无' });
const covered: BuyingRole[] = centre.covered;
const gap: BuyingCentreGap | undefined = centre.gaps[0];
const gapRole: BuyingRole | undefined = gap?.role;
const gapAdvice: string | undefined = gap?.en;

const churn: ChurnOptions = { minTier: 'vip' };

// Wrong shapes must not type-check.
// @ts-expect-error probability is a number
const wrongProbability: string = grade.probability;
// @ts-expect-error an unknown option
const wrongOptions: AbcOptions = { method: 'share', cut: [0.8, 0.95] };
// @ts-expect-error the method is count or share
const wrongMethod: AbcOptions = { method: 'value' };
// @ts-expect-error cell may be null
const wrongCell: MatrixCellCode = suggestion.cell;
// @ts-expect-error not a matrix cell
const wrongCellCode: MatrixCellCode = 'D1';

// ---- History ----

const comparison: Comparison = compareSnapshots([{ 客户编号: 'KH1', 年采购额: '¥80万' }], Sheet.fromText('客户编号\t年采购额\nKH1\t¥120万'), { minPoints: 0.5, asOf: '2026-03-15' });
const firstChange: AccountChange | undefined = comparison.accounts[0];
const changeStatus: CompareStatusCode | undefined = firstChange?.status;
const changeReasonPoints: number | undefined = firstChange?.reasons[0]?.pointsAfter;
const comparedNew: number = comparison.summary.new;
const winModel: WinModel = fitWinModel([{ 行业: '制造', 成交结果: '赢单' }, { 行业: '零售', 成交结果: '丢单' }], { bins: 5, smoothing: 1, grade: true });
const winP: WinProbability = winProbability(JSON.stringify(winModel), { 行业: '制造' });
const winEffect: number | undefined = winP.factors[0]?.effect;
const winEval: WinEvaluation = evaluateWinModel(winModel, [{ 行业: '制造', 成交结果: 1 }]);
const winAuc: number | null = winEval.auc;
const holdout: WinHoldout = winHoldout([], { dateField: 'deal_date', testShare: 0.2, fit: { bins: 4 }, probabilities: { A05: 0.5 } });
const holdoutLift: number | null = holdout.lift.auc;
const learned: LearnedPipeline = learnedPipeline([{ 商机金额: '¥10万', lead_data: true }], winModel, { probabilities: { A21: 0.02 } });
const weekDays: number = timeUnitLength('week').days;
const verdictCode: 'fits' | 'roughly' | 'poor' = holdoutVerdict(110, 100).code;
const learnedWeighted: number = learned.learnedWeighted + learned.gradeWeighted;

export {
  weekDays, verdictCode, learnedWeighted, money, day, score, coverage, tierCode, factorPoints, subScore, moveText, reason, errorRow,
  cards, columnScores, columnTiers, rowScore, scorerCard, mappedField, scale, presets,
  transform, problems, rfmSegment, ranks, tier, tierText, classes, abcFirst, abcRanked,
  abcShare, abcCount, concentration, concentrationTop, concentrationText, abcTotal,
  accClassCode, accReasons, qualifies, verdict, elementsMet, checkStatus, elementCount,
  kaReasons, quadrantCode, currentHigh, futureHigh, letter, gradeCode, gradeName,
  probability, met, nextGrade, missingMode, missingFacts, missingGroups, nextStep,
  warningStages, warningFacts, fromFlags, factKeys, weightedTotal, totalValue, counted,
  withoutValue, byGradeWeighted, unreadable, manCode, advice, manFlags, manUnknown,
  strategyCell, strategyTargets, strategyCode, isDefault, overridden, tableCells,
  suggestedCell, suggestedTargets, actionKind, actionPriority, actionText, detailText,
  warnings, gaps, levelNumber, levelCode, levelSource, nextLevel, levelMoves, buildTie,
  cadenceClass, cadenceGrade, cadencePerYear, ownerName, cadenceServices, plain,
  contactGrade, contactClass, contactPlan, contactsPerYear, frequency, channel, owner,
  groupEvents, services, firstLevelNumber, assessedLevel, ticked, unknownSigns, planTo,
  planFrom, currentTie, planMoves, covered, gapRole, gapAdvice, churn, wrongProbability,
  wrongOptions, wrongMethod, wrongCell, wrongCellCode, changeStatus, changeReasonPoints,
  comparedNew, winEffect, winAuc, holdoutLift,
};
