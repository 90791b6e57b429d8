// A generated transaction log for the CLV benchmark at scale: customers who follow the BG/NBD
// and Gamma-Gamma models with the parameters fitted on CDNOW (Fader, Hardie & Lee 2005:
// r 0.243, α 4.414 a week, a 0.793, b 2.426; p 6.25, q 3.74, γ 15.44), first purchases over
// the first 12 weeks of 1997 and the log observed to 1998-06-30 (78 weeks, as CDNOW's full
// log): about 2.8 transactions per customer (25,000 → 69,361; 250,000 → 691,430). Seeded.
import { rng } from './data.mjs';

const START = Date.UTC(1997, 0, 1) / 86_400_000;
export const LOG_END = '1998-06-30';
const END_DAY = Date.UTC(1998, 5, 30) / 86_400_000;

function sampler(seed) {
  const u = rng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
  // Marsaglia & Tsang (2000), with the shape < 1 boost.
  const gamma = (shape, rate) => {
    if (shape < 1) return gamma(shape + 1, rate) * Math.pow(1 - u(), 1 / shape);
    const d = shape - 1 / 3; const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x; let v;
      do { x = normal(); v = 1 + c * x; } while (v <= 0);
      v = v * v * v;
      const w = 1 - u();
      if (Math.log(w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  const beta = (a, b) => { const x = gamma(a, 1); return x / (x + gamma(b, 1)); };
  return { u, gamma, beta };
}

function yyyymmdd(day) {
  const d = new Date(day * 86_400_000);
  return d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
}

/** `customers` customers' transactions as typed columns (ids 1…n, dates as yyyymmdd numbers). */
export function generateLog(customers, seed = 1997) {
  const s = sampler(seed);
  const ids = []; const dates = []; const amounts = [];
  for (let id = 1; id <= customers; id++) {
    const lambda = s.gamma(0.243, 4.414) / 7; // purchases a day
    const p = s.beta(0.793, 2.426);
    const nu = s.gamma(3.74, 15.44);
    // Repeat purchases in continuous time (a Poisson process at rate λ); the customer may
    // drop out after each repeat purchase with probability p (FHL 2005, assumptions 1-3).
    let time = START + s.u() * 84;
    const push = () => {
      ids.push(id); dates.push(yyyymmdd(Math.floor(time)));
      amounts.push(Math.round(s.gamma(6.25, nu) * 100) / 100);
    };
    push();
    for (;;) {
      time += -Math.log(1 - s.u()) / lambda;
      if (!(time < END_DAY + 1)) break;
      push();
      if (s.u() < p) break;
    }
  }
  return { ids: Uint32Array.from(ids), yyyymmdd: Float64Array.from(dates), amounts: Float64Array.from(amounts) };
}

/** The log in CDNOW's text layout (customer, id, yyyymmdd, CDs, amount), for lifetimes. */
export function logText(log) {
  const lines = new Array(log.ids.length);
  for (let i = 0; i < log.ids.length; i++) lines[i] = `${log.ids[i]} ${log.ids[i]} ${log.yyyymmdd[i]} 1 ${log.amounts[i].toFixed(2)}`;
  return `${lines.join('\n')}\n`;
}
