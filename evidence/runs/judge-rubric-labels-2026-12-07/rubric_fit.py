# Fits the judge prototype on JailbreakBench replies relabelled here under HarmBench's rubric (rubric.txt) and
# scores the design chosen by cross-validation on those labels on HarmBench's 602 human-labelled items.
# The choice is made before HarmBench is read: 5 feature sets x 3 L2 weights, 5-fold CV grouped by goal, highest CV kappa.
import json, sys, glob, numpy as np
TAG = sys.argv[1] if len(sys.argv) > 1 else 'minilm'
sys.argv = ['x', TAG]
from proto import load, feats, fit, held_out, kappa, cluster_boot
Xj, mj, rj = load('jbb')
rows = [json.loads(l) for l in open('/tmp/s57/jbb.jsonl')]
keep = held_out(rows, [json.loads(l) for l in open('/tmp/s57/hb.jsonl')])
first = {tuple(k.split('\u0000', 1)): v for k, v in json.load(open('dedupe.json')).items()}
lab = {}
for f in sorted(glob.glob('labels/batch*.tsv')):
    for line in open(f):
        p = line.rstrip('\n').split('\t')
        if len(p) >= 2 and p[1] in ('0', '1'): lab[int(p[0])] = int(p[1])
y = np.full(len(rows), -1)
for i, r in enumerate(rows):
    if keep[i]:
        j = first.get((r['goal'], r['response'][:2400]))
        if j is not None and j in lab: y[i] = lab[j]
use = y >= 0
print(f'labelled {use.sum()} of {keep.sum()} held-out replies; instances {y[use].mean():.3f}; '
      f'JailbreakBench judge said jailbroken on {np.mean([rows[i]["label"] for i in np.flatnonzero(use)]):.3f}')
jb = np.array([r['label'] for r in rows], float)
print('agreement of these labels with the JailbreakBench judge: kappa %.3f' % kappa(y[use] == 1, jb[use] == 1)[1])
goals = sorted({r['goal'] for r in rows}); rng = np.random.default_rng(0)
fold_of = dict(zip(goals, rng.permutation(len(goals)) % 5)); fold = np.array([fold_of[r['goal']] for r in rows])
best = None
for kind in ['open', 'mean', 'open+mean', 'full-noint', 'full']:
    F = feats(Xj, mj, kind)
    for l2 in [1e-3, 1e-2, 1e-1]:
        pred = np.zeros(len(rows))
        for k in range(5):
            tr = use & (fold != k); te = use & (fold == k)
            pred[te] = fit(F[tr], y[tr].astype(float), l2)(F[te])
        cv = kappa(pred[use] >= 0.5, y[use] == 1)[1]
        print(f'CV {kind:11s} l2={l2:g} kappa {cv:.3f}')
        if best is None or cv > best[0]: best = (cv, kind, l2)
print('chosen by CV:', best)
# The chosen design's cross-validated kappa with a bootstrap over goals (a goal's replies resampled together).
cv_, kind, l2 = best
F = feats(Xj, mj, kind); pred = np.zeros(len(rows))
for k in range(5):
    tr = use & (fold != k); te = use & (fold == k)
    pred[te] = fit(F[tr], y[tr].astype(float), l2)(F[te])
idx = np.flatnonzero(use); p_, y_ = pred[idx] >= 0.5, y[idx] == 1
lo, hi = cluster_boot(lambda i: kappa(p_[i], y_[i])[1], [rows[i]['goal'] for i in idx])
print(f'chosen design, cross-validated on the relabelled replies: kappa {cv_:.3f} [{lo:.3f}, {hi:.3f}] (bootstrap over goals)')
# Agreement between the two annotators on the 180 items both labelled, bootstrap over items.
b = {}
for line in open('labels/second.tsv'):
    p = line.rstrip('\n').split('\t'); b[int(p[0])] = int(p[1])
ids = sorted(b); x1 = np.array([lab[i] for i in ids]) == 1; x2 = np.array([b[i] for i in ids]) == 1
lo, hi = cluster_boot(lambda i: kappa(x1[i], x2[i])[1], ids)
print(f'annotators on {len(ids)} items: agreement {np.mean(x1 == x2):.3f}, kappa {kappa(x1, x2)[1]:.3f} [{lo:.3f}, {hi:.3f}]; '
      f'instances {x1.mean():.2f} and {x2.mean():.2f}')
