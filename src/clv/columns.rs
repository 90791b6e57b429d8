//! Which columns of a transaction log hold the customer id, the customer name, the date and
//! the amount, from their headers: `客户编号`, `客户名称`, `交易日期`, `金额(元)`, `Customer
//! ID`, `Date`, `Amount` … Headers compare ignoring width, case, spaces, `_`/`-` and a unit
//! in brackets. The first column that matches wins; a column is used for one role only.

use crate::parse::normalize_width;
use serde::Serialize;

const ID: &[&str] = &[
    "客户编号",
    "客户代码",
    "客户id",
    "客户号",
    "编号",
    "customerid",
    "custid",
    "accountid",
    "customerno",
    "clientid",
    "id",
];
const NAME: &[&str] = &[
    "客户名称",
    "公司名称",
    "客户",
    "客户名",
    "企业名称",
    "单位名称",
    "customername",
    "customer",
    "company",
    "accountname",
    "account",
    "name",
];
const DATE: &[&str] = &[
    "日期",
    "交易日期",
    "下单日期",
    "订单日期",
    "采购日期",
    "销售日期",
    "开票日期",
    "发货日期",
    "date",
    "orderdate",
    "transactiondate",
    "purchasedate",
    "invoicedate",
];
const AMOUNT: &[&str] = &[
    "金额",
    "交易金额",
    "订单金额",
    "下单金额",
    "采购金额",
    "销售金额",
    "销售额",
    "含税金额",
    "价税合计",
    "amount",
    "value",
    "revenue",
    "sales",
    "spend",
    "total",
    "orderamount",
    "ordervalue",
];

/// The transaction columns found (0-based), `None` where no header matched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TransactionColumns {
    pub id: Option<usize>,
    pub name: Option<usize>,
    pub date: Option<usize>,
    pub amount: Option<usize>,
}

fn normalize_header(text: &str) -> String {
    let t = normalize_width(text);
    // A unit in brackets at the end: 金额(元), 金额(万元), Amount (USD).
    let t = match t.find(['(', '[']) {
        Some(k) if k > 0 => &t[..k],
        _ => t.as_str(),
    };
    t.chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-' && *c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Guesses the columns of a transaction log from its header row.
pub fn transaction_columns(headers: &[String]) -> TransactionColumns {
    let norm: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let mut used = vec![false; headers.len()];
    let mut find = |aliases: &[&str]| -> Option<usize> {
        // Aliases in order of preference: an earlier alias beats an earlier column.
        for alias in aliases {
            if let Some(j) = norm
                .iter()
                .enumerate()
                .position(|(j, h)| !used.get(j).copied().unwrap_or(true) && h == alias)
            {
                if let Some(u) = used.get_mut(j) {
                    *u = true;
                }
                return Some(j);
            }
        }
        None
    };
    TransactionColumns {
        id: find(ID),
        name: find(NAME),
        date: find(DATE),
        amount: find(AMOUNT),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cols(h: &[&str]) -> TransactionColumns {
        transaction_columns(&h.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn chinese_and_english_headers() {
        let c = cols(&["客户编号", "客户名称", "交易日期", "金额(元)", "备注"]);
        assert_eq!(
            (c.id, c.name, c.date, c.amount),
            (Some(0), Some(1), Some(2), Some(3))
        );
        let c = cols(&["Amount (USD)", "Order Date", "customer_id"]);
        assert_eq!(
            (c.id, c.name, c.date, c.amount),
            (Some(2), None, Some(1), Some(0))
        );
        let c = cols(&["ＩＤ", "Date", "Sales"]);
        assert_eq!((c.id, c.date, c.amount), (Some(0), Some(1), Some(2)));
    }

    #[test]
    fn nothing_found_is_none() {
        assert_eq!(cols(&["a", "b"]), TransactionColumns::default());
        assert_eq!(cols(&[]), TransactionColumns::default());
    }
}
