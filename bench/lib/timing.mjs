// Timing helpers shared by the Node and Chromium runs: interleaved repetitions, medians with
// min–max, and per-repetition ratios (each ratio compares two runs made back to back).

const now = () => performance.now();

/** Milliseconds for `fn()` (awaited); returns [ms, result]. */
export async function timed(fn) {
  const t = now();
  const r = await fn();
  return [now() - t, r];
}

/**
 * Runs every contender once untimed (warm-up), then `reps` rounds in which each contender
 * runs once, the order rotating each round. A contender returns nothing (the time is taken
 * around it) or `{ms}` (its own time, e.g. measured inside another process).
 */
export async function interleave(contenders, reps) {
  const names = Object.keys(contenders);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) await contenders[n]();
  for (let r = 0; r < reps; r++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(r + k) % names.length];
      const [ms, out] = await timed(contenders[n]);
      samples[n].push(out && typeof out.ms === 'number' ? out.ms : ms);
    }
  }
  return samples;
}

export function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length;
  const median = m % 2 ? s[(m - 1) / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
  return { median, min: s[0], max: s[m - 1], n: m };
}

/** Per-round ratios a[i] / b[i]: how many times longer a took than b in the same round. */
export function ratios(a, b) {
  return stats(a.map((x, i) => x / b[i]));
}
