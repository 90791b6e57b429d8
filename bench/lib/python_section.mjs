// BENCHMARKS.md's "Python and Spark" section from target/bench/results/python_clv.json and
// python_spark.json (bench/python.sh).
const f = (x, d = 0) => (x === null || x === undefined || Number.isNaN(x) ? '–' : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));

/** The section's lines; `clv` and `spark` are the JSON results or null when not run. */
export function pythonSection(clv, spark) {
  const L = ['## Python and Spark', ''];
  if (!clv && !spark) {
    L.push('Not measured in this run: `bench/python.sh` needs `target/python-venv` from `./scripts/test_python.sh`.', '');
    return L;
  }
  if (clv) {
    const v = clv.versions;
    const sizes = [...new Set(clv.runs.map((r) => r.copies))];
    const big = Math.max(...sizes);
    L.push(`\`bench/python.sh\`: Python ${v.python}, pyarrow ${v.pyarrow}, pandas ${v.pandas}, numpy ${v.numpy}, scipy ${v.scipy}, lifetimes ${v.lifetimes}, kam-score ${v['kam-score']} (the wheel built with \`[profile.wheel]\`). `
      + `One pipeline per library, from the raw transactions: RFM summary, BG/NBD and Gamma-Gamma fits, 39-week predictions, 12-month CLV. ${clv.file} (the whole CDNOW cohort), and ${big} copies of it with each copy's customers renamed. `
      + `Best of ${clv.runs.find((r) => r.copies === 1)?.repeats ?? 1} runs at 1×, ${clv.runs.find((r) => r.copies === big)?.repeats ?? 1} at ${big}×.`, '');
    L.push('| Data | Transactions | Customers | kam_score | lifetimes | lifetimes / kam_score |', '|---|---:|---:|---:|---:|---:|');
    for (const copies of sizes) {
      const ours = clv.runs.find((r) => r.copies === copies && r.library === 'kam_score');
      const theirs = clv.runs.find((r) => r.copies === copies && r.library === 'lifetimes');
      const name = copies === 1 ? 'CDNOW master' : `CDNOW master × ${copies}`;
      L.push(`| ${name} | ${f(ours?.transactions)} | ${f(ours?.customers)} | ${f(ours?.seconds, 3)} s | ${f(theirs?.seconds, 3)} s | ${ours && theirs ? f(theirs.seconds / ours.seconds, 1) : '–'} |`);
    }
    L.push('', 'Both libraries fit the same customers; on the CDNOW sample the Python tests check that their parameters and predictions agree to 1e-5.', '');
  }
  if (spark) {
    L.push(`Spark \`${spark.master}\` scoring (pyspark ${spark.pyspark}, Java ${spark.java}; \`python/examples/spark_10m.py ${spark.rows}\`: a generated account table of five fields in ${spark.partitions} partitions, `
      + `\`kam_score.spark.score\` with the \`key_account\` preset through \`mapInArrow\`, then a count and mean per tier): ${f(spark.rows)} rows in ${f(spark.seconds, 1)} s, `
      + `about ${f(Math.round(spark.rows / spark.seconds / 1000) * 1000)} rows/s including the generation of the rows (one run).`, '');
  }
  return L;
}
