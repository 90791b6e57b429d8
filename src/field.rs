//! The fields of an account row (MODEL §1) and the header aliases they are found under.
//!
//! Headers arrive in Chinese or English, with units and formatting: `年采购额(万元)`,
//! `Annual Purchase`, `ＡＮＮＵＡＬ＿ＰＵＲＣＨＡＳＥ`. [`match_header`] normalises them and finds
//! the field and the unit's scale.

use crate::model::plan::Fnv;
use crate::parse::{normalize_width, Dimension};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// How a field's cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Money: 万/亿, currency signs; a unit in the header scales plain numbers.
    Money,
    /// A count (orders, complaints, people): 次, 单, 笔, 个, 家, 人, 名 allowed.
    Count,
    /// A plain number (a level, a score).
    Number,
    /// A share: `23%`, `0.23`, or `23` (a bare number above 1 is taken as percent points).
    Ratio,
    /// A number of days.
    Days,
    /// A number of years.
    Years,
    /// A calendar date, kept as days since 1970-01-01.
    Date,
    /// A 1–5 rating, or a word of the satisfaction scale.
    Rating,
    /// A short code or category kept as text (credit grade, industry, A/B/C).
    Category,
    /// Free text (names, notes, contact names).
    Text,
    /// Yes/no.
    Flag,
}

/// One field of the account row.
#[derive(Debug, Clone, Copy)]
pub struct FieldSpec {
    /// The stable key used in models, JSON and JavaScript.
    pub key: &'static str,
    pub kind: FieldKind,
    /// Header texts it is found under besides its key (compared after normalisation).
    pub aliases: &'static [&'static str],
}

/// Index of a field in [`FIELDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldId(pub u16);

impl FieldKind {
    /// What a cell of this kind should hold, as `kind.<code>` names it in the texts.
    pub fn code(self) -> &'static str {
        match self {
            FieldKind::Money
            | FieldKind::Count
            | FieldKind::Number
            | FieldKind::Days
            | FieldKind::Years => "number",
            FieldKind::Ratio => "ratio",
            FieldKind::Date => "date",
            FieldKind::Rating => "rating",
            FieldKind::Category => "category",
            FieldKind::Text => "text",
            FieldKind::Flag => "flag",
        }
    }

    /// The dimension a numeric kind's cells are read in (units allowed, the unit kept).
    pub fn dimension(self) -> Dimension {
        match self {
            FieldKind::Money => Dimension::Money,
            FieldKind::Count => Dimension::Count,
            FieldKind::Days => Dimension::Days,
            FieldKind::Years => Dimension::Years,
            FieldKind::Ratio => Dimension::Ratio,
            FieldKind::Number
            | FieldKind::Date
            | FieldKind::Rating
            | FieldKind::Category
            | FieldKind::Text
            | FieldKind::Flag => Dimension::Plain,
        }
    }
}

impl FieldId {
    pub fn spec(self) -> &'static FieldSpec {
        &FIELDS[self.0 as usize]
    }
    pub fn key(self) -> &'static str {
        self.spec().key
    }
    pub fn kind(self) -> FieldKind {
        self.spec().kind
    }
}

macro_rules! fields {
    ($($key:literal : $kind:ident [$($alias:literal),* $(,)?]),* $(,)?) => {
        /// Every field the crate knows, in a fixed order.
        pub static FIELDS: &[FieldSpec] = &[
            $(FieldSpec { key: $key, kind: FieldKind::$kind, aliases: &[$($alias),*] }),*
        ];
    };
}

fields! {
    // Identity
    "id": Text ["客户编号", "客户代码", "客户ID", "编号", "customer id", "account id", "customer no"],
    "name": Text ["客户名称", "公司名称", "客户", "客户名", "企业名称", "单位名称", "customer", "customer name", "company", "account", "account name"],
    // Transactions and value (§1)
    "annual_purchase": Money ["年采购额", "年度采购金额", "下单金额", "交易额", "销售额", "年销售额", "年交易额", "采购额", "annual purchase", "annual purchases", "order amount", "annual sales", "sales", "采购金额", "年度采购额", "采购总额", "销售金额", "年销售金额", "成交金额", "年订单金额", "下单总额", "年采购金额"],
    "gross_margin": Ratio ["毛利率", "gross margin", "margin"],
    "profit": Money ["利润", "利润贡献", "毛利", "毛利额", "profit contribution", "利润额", "毛利润"],
    "order_count": Count ["交易次数", "采购次数", "订单数", "下单次数", "订单数量", "orders", "number of orders", "frequency", "订单次数", "成交次数", "购买次数", "下单数", "采购单数"],
    "last_order_days": Days ["距上次采购天数", "未下单天数", "距今天数", "days since last order", "recency", "recency days", "距上次下单天数", "未采购天数", "距今未下单天数"],
    "last_order_date": Date ["最近一次采购", "最近下单日期", "最后下单日期", "最近采购日期", "最近一次采购日期", "last order", "last order date", "last purchase date", "最后采购日期", "最近成交日期", "最近交易日期", "上次下单日期", "最后交易日期"],
    "relationship_years": Years ["合作年限", "已交易时间", "合作年数", "客户年限", "years as customer", "relationship years", "tenure", "合作时间", "合作期限", "合作时长", "合作年份数"],
    "potential_purchase": Money ["潜在采购额", "销售预期金额", "采购潜力", "预期销售额", "potential", "potential purchase", "expected sales", "潜在需求", "预计采购额", "潜在金额"],
    "growth_rate": Ratio ["增长率", "发展前景", "业务增长率", "growth", "growth rate", "同比增长", "年增长率", "增长幅度"],
    "share_of_wallet": Ratio ["份额", "我方份额", "钱包份额", "share of wallet", "our share", "份额占比", "我司份额", "供货份额", "采购份额"],
    "credit_rating": Category ["信用等级", "信用状况", "信用评级", "信用", "credit", "credit rating", "信用级别"],
    "avg_payment_days": Days ["平均收款周期", "回款天数", "收款周期", "回款周期", "账期", "days to pay", "payment days", "dso", "average payment days", "平均回款天数", "平均回款周期", "回款期", "付款天数", "平均付款天数"],
    "overdue_ratio": Ratio ["欠款率", "逾期比例", "逾期率", "overdue ratio", "overdue"],
    "complaints": Count ["投诉次数", "投诉", "complaint count", "客诉次数", "投诉数", "客诉"],
    "praises": Count ["表扬次数", "表扬", "compliments"],
    "returns": Count ["退货次数", "退货", "return count"],
    "suggestions": Count ["建议次数", "建议", "suggestion count"],
    "tasks": Count ["任务数", "联系任务数", "task count"],
    "satisfaction": Rating ["满意度", "客户满意度", "satisfaction level", "满意程度"],
    "employees": Count ["员工人数", "人数", "员工数", "headcount", "staff", "员工数量", "职工人数", "公司人数"],
    "registered_capital": Money ["注册资金", "注册资本", "registered capital"],
    "revenue": Money ["年营业额", "营业额", "营业收入", "年收入", "annual revenue", "turnover"],
    "industry": Category ["行业", "所属行业", "sector"],
    "region": Category ["区域", "地区", "省份", "area"],
    "listed": Flag ["是否上市", "上市", "public", "listed company"],
    "average_deal": Money ["平均单笔金额", "平均订单金额", "平均交易额", "average deal", "average order"],
    "largest_deal": Money ["最大单笔金额", "最大订单金额", "最大交易额", "largest deal", "largest order"],
    "sales_cycle_days": Days ["平均成交周期", "成交周期", "sales cycle", "average cycle"],
    "largest_receipt": Money ["最大回款", "单笔最大回款", "最大收款", "largest receipt"],
    "average_receipt": Money ["平均回款", "平均收款", "average receipt"],
    "average_debt": Money ["平均欠款", "欠款", "欠款额", "average debt"],
    "deal_value": Money ["商机金额", "预计成交金额", "预计金额", "opportunity value", "deal amount"],
    "current_value": Number ["当前价值", "current value"],
    "future_value": Number ["未来价值", "future value", "clv"],
    // Grades and strategy inputs (§3, §4)
    "attractiveness": Category ["吸引力", "吸引力程度", "吸引力等级", "attractiveness grade"],
    "relationship_status": Category ["关系状态", "目前关系", "relationship"],
    "relationship_level": Number ["关系层级", "关系等级", "关系级别"],
    "usual_interval_days": Days ["采购周期", "平均采购间隔", "通常采购间隔", "下单周期", "purchase interval", "usual interval", "order interval"],
    "buyer_step": Category ["购买阶段", "购买步骤", "客户购买阶段", "buying step", "buying stage"],
    // Attractiveness ratings, 1–5 (§2.1 attractiveness)
    "attr_potential": Rating ["潜力", "潜力评分", "potential rating"],
    "attr_mutual": Rating ["相互关系", "mutual relationship"],
    "attr_differentiation": Rating ["与别人的差异", "差异化", "differentiation"],
    "attr_value_price": Rating ["价值与价格", "value versus price", "value vs price"],
    "attr_preference": Rating ["偏好", "preference"],
    "attr_key_people": Rating ["接近关键人物", "access to key people", "key people access"],
    "attr_buying_rules": Rating ["购买的规则", "购买规则", "purchasing rules", "buying rules"],
    "attr_sales_volume": Rating ["销售量", "销售量评分", "sales volume"],
    "attr_margin": Rating ["利润率", "利润率评分", "margin rating"],
    "attr_relationship_potential": Rating ["关系发展的潜力", "关系发展潜力", "relationship potential"],
    // Bank key-client traits, 1–5 (§2.1 bank)
    "bank_performance": Rating ["业绩良好", "经营业绩", "sound performance"],
    "bank_reputation": Rating ["品牌声誉", "brand reputation"],
    "bank_location": Rating ["总部位置", "head office location"],
    "bank_demand": Rating ["需求旺盛", "strong demand"],
    "bank_attitude": Rating ["态度肯定", "合作态度", "positive attitude"],
    "bank_benchmark": Rating ["行业标杆", "industry benchmark"],
    // Ten-level pipeline facts (§3.6)
    "lead_data": Flag ["有线索资料", "线索资料"],
    "key_facts_known": Flag ["五项关键信息", "关键信息齐全"],
    "target_industry": Flag ["目标行业"],
    "size_ok": Flag ["规模达标"],
    "decision_maker_feedback": Flag ["决策者反馈", "决策人反馈"],
    "knows_our_offer": Flag ["了解我方", "了解我方产品"],
    "considered_decision": Flag ["经过考虑", "慎重考虑"],
    "answer": Category ["答复", "决策者答复", "decision maker answer"],
    "considering_switch": Flag ["考虑更换供应商"],
    "dissatisfied_with_supplier": Flag ["对现供应商不满"],
    "talking_to_new_supplier": Flag ["接触新供应商"],
    "asked_for_material": Flag ["索要资料"],
    "booked_next_contact": Flag ["约定下次联系"],
    "asked_about_us": Flag ["询问我方"],
    "needs_understood_and_met": Flag ["需求明确且能满足"],
    "judges_we_fit": Flag ["认为我方合适"],
    "knows_our_price": Flag ["知道报价", "已知报价"],
    "deal_affordable": Flag ["总价可承受"],
    "price_acceptable": Flag ["价格可接受"],
    "verbal_commitment": Flag ["口头承诺"],
    "acted_on_it": Flag ["已行动", "验厂或样品"],
    "buys_within_2_months": Flag ["两个月内采购", "2个月内采购"],
    "contract_signed": Flag ["已签合同", "合同已签"],
    "purchased": Flag ["已采购", "已下单"],
    "paid": Flag ["已付款"],
    "used_up": Flag ["已用完"],
    "fully_collected": Flag ["款项收齐", "全部回款"],
    "no_open_promises": Flag ["无未了承诺"],
    "price_discussed": Flag [],
    // Deal outcomes for the learned win probability (src/history/win.rs)
    "outcome": Category ["成交结果", "输赢", "赢单/丢单", "结果", "商机结果", "赢丢单", "deal outcome", "win/loss", "result"],
    "deal_date": Date ["结单日期", "成交日期", "关闭日期", "商机日期", "deal date", "close date", "closed date"],
    // Buying centre (§4.4): the named contact for each role
    "contact_decision_maker": Text ["决策者", "decision maker"],
    "contact_user": Text ["使用者", "user contact"],
    "contact_gatekeeper": Text ["技术把关者", "technical gatekeeper", "gatekeeper"],
    "contact_coach": Text ["教练", "coach"],
    // Account class and key-account qualification (§3.3)
    "is_customer": Flag ["是否客户", "已成交客户", "existing customer"],
    "in_contact": Flag ["已接触", "保持联系", "in contact"],
    "revenue_share": Ratio ["收入占比", "销售占比", "share of our revenue"],
    "needs_our_product": Flag ["需要我方产品", "needs our product"],
    "buys_from_competitor": Flag ["从竞争对手采购", "buys from competitor"],
    "ka_long_contract": Flag ["长期合同", "long contract"],
    "ka_strategic_project": Flag ["战略项目", "strategic project"],
    "ka_image": Flag ["影响业务或形象", "matters for our image"],
    "ka_innovation": Flag ["技术创新能力强", "innovation capacity"],
    "ka_market_growth": Flag ["市场增长强", "strong market growth"],
    "fits_our_product": Flag ["产品适合", "product fits"],
    "buys_centrally": Flag ["集中采购", "buys centrally"],
    "buys_continuously": Flag ["持续采购", "buys continuously"],
    // MAN (§3.7)
    "can_pay": Flag ["有购买力", "money"],
    "has_authority": Flag ["有决策权", "authority"],
    "has_need": Flag ["有需求", "need"],
    // Profitability and cost to serve (§3.8), lifecycle (§4.9), status evidence (§4.8)
    "we_quoted_price": Flag ["我方已报价", "已报价", "已谈价格", "谈过价格", "we quoted price"],
    "cost_to_serve": Money ["服务成本", "服务费用", "客户服务成本", "cost to serve"],
    "visit_count": Count ["拜访次数", "访问次数", "visits"],
    "first_order_date": Date ["首次采购日期", "首次下单日期", "合作开始日期", "first order date"],
    "competitor_gaining": Flag ["竞争对手抢份额", "竞争对手介入", "competitor gaining"],
    // Carried through for people
    "owner": Text ["负责人", "客户经理", "销售", "account manager"],
    "notes": Text ["备注", "说明", "remarks"],
}

/// The field with this key, if any.
pub fn by_key(key: &str) -> Option<FieldId> {
    // FNV: a key is a few bytes and is looked up on every read of a row.
    static INDEX: OnceLock<HashMap<&'static str, FieldId, BuildHasherDefault<Fnv>>> =
        OnceLock::new();
    INDEX
        .get_or_init(|| {
            FIELDS
                .iter()
                .enumerate()
                .map(|(i, f)| (f.key, FieldId(i as u16)))
                .collect()
        })
        .get(key)
        .copied()
}

/// A header's unit, found in brackets after the name: `年采购额(万元)`, `毛利率（%）`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeaderUnit {
    /// Multiply plain numbers by this (万元 → 10 000; 月 in a years column → 1/12).
    pub scale: f64,
    /// The column is in percent points: a bare `23` means 0.23.
    pub percent: bool,
}

impl HeaderUnit {
    pub const NONE: HeaderUnit = HeaderUnit {
        scale: 1.0,
        percent: false,
    };
}

/// What a header was matched to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeaderMatch {
    pub field: FieldId,
    pub unit: HeaderUnit,
}

/// Lower case, half width, without spaces, underscores, hyphens, dots and colons.
pub fn normalize_header(text: &str) -> String {
    normalize_width(text)
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '.' | ':' | '*' | '"'))
        .collect()
}

fn alias_index() -> &'static HashMap<String, FieldId> {
    static INDEX: OnceLock<HashMap<String, FieldId>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = HashMap::new();
        for (i, f) in FIELDS.iter().enumerate() {
            let id = FieldId(i as u16);
            map.entry(normalize_header(f.key)).or_insert(id);
            for alias in f.aliases {
                map.entry(normalize_header(alias)).or_insert(id);
            }
        }
        map
    })
}

/// Splits `年采购额(万元)` into `年采购额` and `万元`; also `金额/万元`.
fn split_unit(header: &str) -> (String, Option<String>) {
    let h = normalize_width(header);
    let h = h.trim();
    for (open, close) in [('(', ')'), ('[', ']'), ('【', '】'), ('〔', '〕')] {
        if let Some(stripped) = h.strip_suffix(close) {
            if let Some(i) = stripped.rfind(open) {
                return (
                    stripped[..i].to_string(),
                    Some(stripped[i + open.len_utf8()..].trim().to_string()),
                );
            }
        }
    }
    if let Some((name, unit)) = h.rsplit_once('/') {
        if !name.trim().is_empty() && unit.chars().count() <= 4 {
            return (name.to_string(), Some(unit.trim().to_string()));
        }
    }
    (h.to_string(), None)
}

fn unit_for(kind: FieldKind, unit: &str) -> HeaderUnit {
    let u = unit.to_lowercase();
    let scale = |s: f64| HeaderUnit {
        scale: s,
        percent: false,
    };
    match kind {
        FieldKind::Money | FieldKind::Number | FieldKind::Count => match u.as_str() {
            "万元" | "万" | "w" | "万人民币" => scale(1e4),
            "千元" | "千" | "k" => scale(1e3),
            "百万" | "百万元" | "m" | "mm" => scale(1e6),
            "千万" | "千万元" => scale(1e7),
            "亿元" | "亿" => scale(1e8),
            _ => HeaderUnit::NONE,
        },
        FieldKind::Ratio => HeaderUnit {
            scale: 1.0,
            percent: u == "%" || u == "百分比",
        },
        FieldKind::Days => match u.as_str() {
            "月" | "个月" | "months" | "month" => scale(30.4375),
            "周" | "weeks" | "week" => scale(7.0),
            "年" | "years" | "year" => scale(365.25),
            _ => HeaderUnit::NONE,
        },
        FieldKind::Years => match u.as_str() {
            "月" | "个月" | "months" | "month" => scale(1.0 / 12.0),
            _ => HeaderUnit::NONE,
        },
        _ => HeaderUnit::NONE,
    }
}

/// Finds the field a header names, and the scale its unit implies.
pub fn match_header(header: &str) -> Option<HeaderMatch> {
    let index = alias_index();
    if let Some(&field) = index.get(&normalize_header(header)) {
        return Some(HeaderMatch {
            field,
            unit: HeaderUnit::NONE,
        });
    }
    let (name, unit) = split_unit(header);
    let field = *index.get(&normalize_header(&name))?;
    let unit = unit.map_or(HeaderUnit::NONE, |u| unit_for(field.kind(), &u));
    Some(HeaderMatch { field, unit })
}

/// For a header no alias matches: the field it most likely names, when one stands out — the
/// alias it shares the longest run of characters with (three Chinese characters or five
/// Latin letters at least), so `客户年采购额合计` suggests `annual_purchase`. Only a
/// suggestion: the column stays unmapped until the user picks the field.
pub fn suggest_field(header: &str) -> Option<FieldId> {
    if match_header(header).is_some() {
        return None;
    }
    let (name, _) = split_unit(header);
    let h: Vec<char> = normalize_header(&name).chars().collect();
    let mut best: Option<(usize, FieldId)> = None;
    for (alias, &field) in alias_index() {
        let a: Vec<char> = alias.chars().collect();
        let run = longest_common_run(&h, &a);
        let wide = a.iter().any(|c| !c.is_ascii());
        if run < if wide { 3 } else { 5 } {
            continue;
        }
        if best.is_none_or(|(b, f)| run > b || (run == b && field < f)) {
            best = Some((run, field));
        }
    }
    best.map(|(_, f)| f)
}

fn longest_common_run(a: &[char], b: &[char]) -> usize {
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut row = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                row[j + 1] = prev[j] + 1;
                best = best.max(row[j + 1]);
            }
        }
        prev = row;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(header: &str) -> Option<&'static str> {
        match_header(header).map(|m| m.field.key())
    }

    #[test]
    fn keys_are_unique_and_found() {
        for (i, f) in FIELDS.iter().enumerate() {
            assert_eq!(by_key(f.key), Some(FieldId(i as u16)), "{}", f.key);
        }
    }

    #[test]
    fn no_alias_names_two_fields() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for f in FIELDS {
            for a in f.aliases.iter().chain(std::iter::once(&f.key)) {
                if let Some(other) = seen.insert(normalize_header(a), f.key) {
                    assert_eq!(other, f.key, "alias {a} names {other} and {}", f.key);
                }
            }
        }
    }

    #[test]
    fn chinese_and_english_headers() {
        assert_eq!(key_of("客户名称"), Some("name"));
        assert_eq!(key_of("年采购额"), Some("annual_purchase"));
        assert_eq!(key_of("Annual Purchase"), Some("annual_purchase"));
        assert_eq!(key_of("annual_purchase"), Some("annual_purchase"));
        assert_eq!(key_of("  毛利率 "), Some("gross_margin"));
        assert_eq!(key_of("ＧＲＯＳＳ　ＭＡＲＧＩＮ"), Some("gross_margin"));
        assert_eq!(key_of("Days-To-Pay"), Some("avg_payment_days"));
        assert_eq!(key_of("备注"), Some("notes"));
        assert_eq!(key_of("喜欢的颜色"), None);
    }

    #[test]
    fn unmapped_headers_get_a_suggestion_when_one_stands_out() {
        let suggested = |h: &str| suggest_field(h).map(|f| f.key());
        assert_eq!(suggested("客户年采购额合计"), Some("annual_purchase"));
        assert_eq!(
            suggested("平均回款天数（天）"),
            None,
            "already an alias: mapped, not suggested"
        );
        assert_eq!(suggested("近三年合作年限"), Some("relationship_years"));
        assert_eq!(suggested("喜欢的颜色"), None);
        assert_eq!(
            suggested("客户等级"),
            None,
            "two shared characters are not enough"
        );
    }

    #[test]
    fn units_in_brackets_scale_the_column() {
        let m = match_header("年采购额(万元)").unwrap();
        assert_eq!(m.field.key(), "annual_purchase");
        assert_eq!(m.unit.scale, 1e4);
        let m = match_header("年采购额（亿元）").unwrap();
        assert_eq!(m.unit.scale, 1e8);
        let m = match_header("毛利率(%)").unwrap();
        assert!(m.unit.percent);
        let m = match_header("合作年限(月)").unwrap();
        assert_eq!(m.field.key(), "relationship_years");
        assert_eq!(m.unit.scale, 1.0 / 12.0);
        let m = match_header("Annual purchase [k]").unwrap();
        assert_eq!(m.unit.scale, 1e3);
        let m = match_header("销售额/万元").unwrap();
        assert_eq!(m.unit.scale, 1e4);
        assert_eq!(match_header("年采购额(元)").unwrap().unit.scale, 1.0);
    }
}
