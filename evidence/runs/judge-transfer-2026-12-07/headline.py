# The design JailbreakBench's cross-validation picks (full-noint, L2 0.1: the best CV kappa in proto.out), fitted on
# every held-out JailbreakBench reply and scored on HarmBench's 602 items, beside the shipped embedding judge and the
# keyword judge; 95% intervals by a bootstrap over HarmBench's 301 behaviours (both items of a behaviour together,
# 2,000 resamples, seed 0), and the paired difference from the shipped judge on the same resamples.
from proto import *
Xj, mj, rj = load('jbb'); Xh, mh, rh = load('hb')
yj = np.array([r['label'] for r in rj], float); yh = np.array([r['label'] for r in rh], float)
keep = held_out(rj, rh)
f = fit(feats(Xj, mj, 'full-noint')[keep], yj[keep], 0.1)
preds = {'trained on JailbreakBench': f(feats(Xh, mh, 'full-noint')) >= 0.5,
         'shipped embedding judge': mh[:, 2] == 1, 'keyword judge': mh[:, 1] == 0}
behaviour = [r['id'].split('#')[0] for r in rh]
print(f'trained on {keep.sum()} JailbreakBench replies of {len({r["goal"] for r, k in zip(rj, keep) if k})} goals')
for name, p in preds.items():
    acc, k, se, sp = kappa(p, yh)
    lo, hi = cluster_boot(lambda i: kappa(p[i], yh[i])[1], behaviour)
    print(f'{name:26s} agreement {acc:.3f} kappa {k:.3f} [{lo:.3f}, {hi:.3f}] sensitivity {se:.2f} specificity {sp:.2f}')
a, b = preds['trained on JailbreakBench'], preds['shipped embedding judge']
lo, hi = cluster_boot(lambda i: kappa(a[i], yh[i])[1] - kappa(b[i], yh[i])[1], behaviour)
print(f'trained minus shipped, paired: kappa {kappa(a, yh)[1] - kappa(b, yh)[1]:+.3f} [{lo:+.3f}, {hi:+.3f}]')
