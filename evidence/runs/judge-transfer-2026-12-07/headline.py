# The design JailbreakBench's own cross-validation picks (full-noint, l2 0.1: the best CV kappa in proto.out),
# fitted on every kept JailbreakBench item and scored once on HarmBench's 602 items, with a bootstrap 95%
# interval over items (2,000 resamples, seed 0), beside the shipped embedding judge and the keyword judge.
from proto import *
Xj, mj, rj = load('jbb'); Xh, mh, rh = load('hb')
yj = np.array([r['label'] for r in rj], float); yh = np.array([r['label'] for r in rh], float)
hbg = set()
for h in rh:
    hbg |= grams(h['prompt'], 6)
keep = np.array([not (grams(r['goal'], 6) & hbg) for r in rj])
f = fit(feats(Xj, mj, 'full-noint')[keep], yj[keep], 0.1)
preds = {'trained on JailbreakBench': f(feats(Xh, mh, 'full-noint')) >= 0.5,
         'shipped embedding judge': mh[:, 2] == 1, 'keyword judge': mh[:, 1] == 0}
rng = np.random.default_rng(0)
boots = [rng.integers(0, len(yh), len(yh)) for _ in range(2000)]
for name, p in preds.items():
    acc, k, se, sp = kappa(p, yh)
    ks = np.sort([kappa(p[b], yh[b])[1] for b in boots])
    print(f'{name:26s} agreement {acc:.3f} kappa {k:.3f} [{ks[50]:.3f}, {ks[1949]:.3f}] sensitivity {se:.2f} '
          f'specificity {sp:.2f}')
