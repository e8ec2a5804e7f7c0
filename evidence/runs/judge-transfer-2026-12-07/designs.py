# The shipped embedding judge (refusal classifier + keyword list + topic match) against the refusal classifier
# alone, on JailbreakBench's replies (goals near HarmBench's validation set dropped; labels: JailbreakBench's
# judge) and, for reference, on HarmBench's 602 items (human majority); bootstrap 95% over items.
from proto import *
Xj, mj, rj = load('jbb'); Xh, mh, rh = load('hb')
yj = np.array([r['label'] for r in rj], float); yh = np.array([r['label'] for r in rh], float)
hbg = set()
for h in rh:
    hbg |= grams(h['prompt'], 6)
keep = np.array([not (grams(r['goal'], 6) & hbg) for r in rj])
dj = np.loadtxt('jbb.designs.tsv', dtype=int); dh = np.loadtxt('hb.designs.tsv', dtype=int)
rng = np.random.default_rng(0)
for data, d, y, sel in [('JailbreakBench (kept)', dj, yj, keep), ('HarmBench', dh, yh, np.ones(len(yh), bool))]:
    d = d[sel]; y = y[sel]; boots = [rng.integers(0, len(y), len(y)) for _ in range(2000)]
    for name, col in [('shipped (refusal + keyword + topic)', 0), ('refusal classifier alone', 1)]:
        p = d[:, col] == 1; acc, k, se, sp = kappa(p, y)
        ks = np.sort([kappa(p[b], y[b])[1] for b in boots])
        print(f'{data:22s} {name:36s} n {len(y)} agreement {acc:.3f} kappa {k:.3f} [{ks[50]:.3f}, {ks[1949]:.3f}] '
              f'sensitivity {se:.2f} specificity {sp:.2f}')
# The choice between the two, on JailbreakBench alone: the paired difference in kappa, bootstrap over items.
d = dj[keep]; y = yj[keep]
rng = np.random.default_rng(1)
diffs = []
for _ in range(2000):
    b = rng.integers(0, len(y), len(y))
    diffs.append(kappa(d[b, 0] == 1, y[b])[1] - kappa(d[b, 1] == 1, y[b])[1])
diffs = np.sort(diffs)
print(f'JailbreakBench: shipped minus refusal alone, kappa {kappa(d[:, 0] == 1, y)[1] - kappa(d[:, 1] == 1, y)[1]:+.3f} '
      f'[{diffs[50]:+.3f}, {diffs[1949]:+.3f}]')
