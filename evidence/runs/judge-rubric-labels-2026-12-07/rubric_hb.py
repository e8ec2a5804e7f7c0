# Scores one design (feature set, L2), fitted on every relabelled held-out JailbreakBench reply, on HarmBench's 602
# items: agreement, kappa with a bootstrap over the 301 behaviours, and the paired difference from the shipped judge
# and from the same design fitted on JailbreakBench's own labels. The design is the one rubric_fit.py chose, read from
# its output (rubric_fit.ENCODER.out), so the choice is made before HarmBench's labels are read.
# Usage: python3 rubric_hb.py minilm|bge
import re, sys
from common import *
chosen = [l for l in open(f'rubric_fit.{sys.argv[1]}.out') if l.startswith('chosen by CV:')][0]
KIND, L2 = re.search(r"'([a-z+-]+)', ([0-9.e-]+)\)", chosen).groups(); L2 = float(L2)
Xj, mj, rj = load('jbb'); Xh, mh, rh = load('hb')
keep = held_out(rj, rh)
y = rubric_labels(rj, keep); use = y >= 0
yh = np.array([r['label'] for r in rh], float); jb = np.array([r['label'] for r in rj], float)
F, Fh = feats(Xj, mj, KIND), feats(Xh, mh, KIND)
preds = {'rubric labels': fit(F[use], y[use].astype(float), L2)(Fh) >= 0.5,
         'JailbreakBench labels': fit(F[keep], jb[keep], L2)(Fh) >= 0.5,
         'shipped embedding judge': mh[:, 2] == 1, 'keyword judge': mh[:, 1] == 0}
beh = [r['id'].split('#')[0] for r in rh]
print(f'{sys.argv[1]} {KIND} l2={L2:g}; trained on {use.sum()} replies')
for n, p in preds.items():
    a, k, se, sp = kappa(p, yh); lo, hi = cluster_boot(lambda i: kappa(p[i], yh[i])[1], beh)
    print(f'{n:24s} agreement {a:.3f} kappa {k:.3f} [{lo:.3f}, {hi:.3f}] sensitivity {se:.2f} specificity {sp:.2f}')
for other in ['shipped embedding judge', 'JailbreakBench labels']:
    a, b = preds['rubric labels'], preds[other]
    lo, hi = cluster_boot(lambda i: kappa(a[i], yh[i])[1] - kappa(b[i], yh[i])[1], beh)
    print(f'rubric labels minus {other}, paired: {kappa(a, yh)[1] - kappa(b, yh)[1]:+.3f} [{lo:+.3f}, {hi:+.3f}]')
