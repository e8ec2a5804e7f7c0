# Scores one design (feature set, L2), fitted on every relabelled held-out JailbreakBench reply, on HarmBench's 602
# items: agreement, kappa with a bootstrap over the 301 behaviours, and the paired difference from the shipped judge
# and from the same design fitted on JailbreakBench's own labels.
import json, sys, glob, numpy as np
TAG, KIND, L2 = sys.argv[1], sys.argv[2], float(sys.argv[3])
sys.argv = ['x', TAG]
from proto import load, feats, fit, held_out, kappa, cluster_boot
Xj, mj, rj = load('jbb'); Xh, mh, rh = load('hb')
keep = held_out(rj, rh)
first = {tuple(k.split('\u0000', 1)): v for k, v in json.load(open('dedupe.json')).items()}
lab = {}
for f in sorted(glob.glob('labels/batch*.tsv')):
    for line in open(f):
        p = line.rstrip('\n').split('\t')
        if len(p) >= 2 and p[1] in ('0', '1'): lab[int(p[0])] = int(p[1])
y = np.full(len(rj), -1)
for i, r in enumerate(rj):
    if keep[i]:
        j = first.get((r['goal'], r['response'][:2400]))
        if j is not None and j in lab: y[i] = lab[j]
use = y >= 0
yh = np.array([r['label'] for r in rh], float); jb = np.array([r['label'] for r in rj], float)
F, Fh = feats(Xj, mj, KIND), feats(Xh, mh, KIND)
preds = {'rubric labels': fit(F[use], y[use].astype(float), L2)(Fh) >= 0.5,
         'JailbreakBench labels': fit(F[keep], jb[keep], L2)(Fh) >= 0.5,
         'shipped embedding judge': mh[:, 2] == 1, 'keyword judge': mh[:, 1] == 0}
beh = [r['id'].split('#')[0] for r in rh]
print(f'{TAG} {KIND} l2={L2:g}; trained on {use.sum()} replies')
for n, p in preds.items():
    a, k, se, sp = kappa(p, yh); lo, hi = cluster_boot(lambda i: kappa(p[i], yh[i])[1], beh)
    print(f'{n:24s} agreement {a:.3f} kappa {k:.3f} [{lo:.3f}, {hi:.3f}] sensitivity {se:.2f} specificity {sp:.2f}')
for other in ['shipped embedding judge', 'JailbreakBench labels']:
    a, b = preds['rubric labels'], preds[other]
    lo, hi = cluster_boot(lambda i: kappa(a[i], yh[i])[1] - kappa(b[i], yh[i])[1], beh)
    print(f'rubric labels minus {other}, paired: {kappa(a, yh)[1] - kappa(b, yh)[1]:+.3f} [{lo:+.3f}, {hi:+.3f}]')
