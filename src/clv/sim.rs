//! Deterministic simulation of the models, for tests: a fixed-seed generator and the
//! gamma/beta/exponential draws the BG/NBD and Gamma-Gamma stories need.

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// Uniform in (0, 1) (splitmix64).
    pub fn uniform(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        ((z >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    pub fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        libm::sqrt(-2.0 * libm::log(u)) * libm::cos(2.0 * std::f64::consts::PI * v)
    }

    /// Gamma(shape, rate) by Marsaglia & Tsang (boosted for shape < 1).
    pub fn gamma(&mut self, shape: f64, rate: f64) -> f64 {
        if shape < 1.0 {
            let u = self.uniform();
            return self.gamma(shape + 1.0, rate) * libm::pow(u, 1.0 / shape);
        }
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / libm::sqrt(9.0 * d);
        loop {
            let x = self.normal();
            let v = 1.0 + c * x;
            if v <= 0.0 {
                continue;
            }
            let v = v * v * v;
            let u = self.uniform();
            if libm::log(u) < 0.5 * x * x + d - d * v + d * libm::log(v) {
                return d * v / rate;
            }
        }
    }

    pub fn beta(&mut self, a: f64, b: f64) -> f64 {
        let x = self.gamma(a, 1.0);
        let y = self.gamma(b, 1.0);
        x / (x + y)
    }

    pub fn exponential(&mut self, rate: f64) -> f64 {
        -libm::log(self.uniform()) / rate
    }
}

/// (x, tₓ, T) of `n` customers simulated from BG/NBD, ages uniform in [t_min, t_max].
pub fn bgnbd(
    rng: &mut Rng,
    n: usize,
    (r, alpha, a, b): (f64, f64, f64, f64),
    t_min: f64,
    t_max: f64,
) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let (mut xs, mut txs, mut ts) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..n {
        let age = t_min + (t_max - t_min) * rng.uniform();
        let lambda = rng.gamma(r, alpha);
        let p = rng.beta(a, b);
        let (mut x, mut tx, mut now) = (0.0, 0.0, 0.0);
        loop {
            now += rng.exponential(lambda);
            if now > age {
                break;
            }
            x += 1.0;
            tx = now;
            if rng.uniform() < p {
                break;
            }
        }
        xs.push(x);
        txs.push(tx);
        ts.push(age);
    }
    (xs, txs, ts)
}

/// (x, m̄) of `n` repeat buyers simulated from Gamma-Gamma, x cycling through 1..=max_x.
pub fn gamma_gamma(
    rng: &mut Rng,
    n: usize,
    (p, q, gamma): (f64, f64, f64),
    max_x: u32,
) -> (Vec<f64>, Vec<f64>) {
    let (mut xs, mut ms) = (Vec::new(), Vec::new());
    for i in 0..n {
        let x = (i as u32 % max_x) + 1;
        let nu = rng.gamma(q, gamma);
        let total: f64 = (0..x).map(|_| rng.gamma(p, nu)).sum();
        xs.push(f64::from(x));
        ms.push(total / f64::from(x));
    }
    (xs, ms)
}

/// (x, tₓ, T) of `n` customers simulated from Pareto/NBD, ages uniform in [t_min, t_max].
pub fn pareto_nbd(
    rng: &mut Rng,
    n: usize,
    (r, alpha, s, beta): (f64, f64, f64, f64),
    t_min: f64,
    t_max: f64,
) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let (mut xs, mut txs, mut ts) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..n {
        let age = t_min + (t_max - t_min) * rng.uniform();
        let lambda = rng.gamma(r, alpha);
        let mu = rng.gamma(s, beta);
        let end = rng.exponential(mu).min(age);
        let (mut x, mut tx, mut now) = (0.0, 0.0, 0.0);
        loop {
            now += rng.exponential(lambda);
            if now > end {
                break;
            }
            x += 1.0;
            tx = now;
        }
        xs.push(x);
        txs.push(tx);
        ts.push(age);
    }
    (xs, txs, ts)
}
