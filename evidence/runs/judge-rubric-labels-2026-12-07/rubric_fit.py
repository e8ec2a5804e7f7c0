# Chooses the judge prototype's design by cross-validation on JailbreakBench replies relabelled here under
# HarmBench's rubric (rubric.txt), without reading HarmBench: 5 feature sets x 3 L2 weights, 5-fold CV grouped by goal,
# highest CV kappa. Usage: python3 rubric_fit.py minilm|bge
import glob, json
from common import *
Xj, mj, rows = load('jbb')
keep = held_out(rows, [json.loads(l) for l in open('/tmp/s57/hb.jsonl')])
y = rubric_labels(rows, keep); use = y >= 0
jb = np.array([r['label'] for r in rows], float)
print(f'labelled {use.sum()} of {keep.sum()} held-out replies; instances {y[use].mean():.3f}; '
      f'JailbreakBench judge said jailbroken on {jb[use].mean():.3f}')
print('agreement of these labels with the JailbreakBench judge: kappa %.3f' % kappa(y[use] == 1, jb[use] == 1)[1])
goals = sorted({r['goal'] for r in rows}); rng = np.random.default_rng(0)
fold_of = dict(zip(goals, rng.permutation(len(goals)) % 5)); fold = np.array([fold_of[r['goal']] for r in rows])


def cross_validated(kind, l2):
    F = feats(Xj, mj, kind); pred = np.zeros(len(rows))
    for k in range(5):
        tr = use & (fold != k); te = use & (fold == k)
        pred[te] = fit(F[tr], y[tr].astype(float), l2)(F[te])
    return pred


best = None
for kind in ['open', 'mean', 'open+mean', 'full-noint', 'full']:
    for l2 in [1e-3, 1e-2, 1e-1]:
        cv = kappa(cross_validated(kind, l2)[use] >= 0.5, y[use] == 1)[1]
        print(f'CV {kind:11s} l2={l2:g} kappa {cv:.3f}')
        if best is None or cv > best[0]: best = (cv, kind, l2)
print('chosen by CV:', best)
# The chosen design's cross-validated kappa with a bootstrap over goals (a goal's replies resampled together).
idx = np.flatnonzero(use); p_, y_ = cross_validated(best[1], best[2])[idx] >= 0.5, y[idx] == 1
lo, hi = cluster_boot(lambda i: kappa(p_[i], y_[i])[1], [rows[i]['goal'] for i in idx])
print(f'chosen design, cross-validated on the relabelled replies: kappa {best[0]:.3f} [{lo:.3f}, {hi:.3f}] (bootstrap over goals)')
# Agreement between the two annotators on the 180 items both labelled, bootstrap over items.
lab, b = batch_labels(), {}
for line in open('labels/second.tsv'):
    p = line.rstrip('\n').split('\t'); b[int(p[0])] = int(p[1])
ids = sorted(b); x1 = np.array([lab[i] for i in ids]) == 1; x2 = np.array([b[i] for i in ids]) == 1
lo, hi = cluster_boot(lambda i: kappa(x1[i], x2[i])[1], ids)
print(f'annotators on {len(ids)} items: agreement {np.mean(x1 == x2):.3f}, kappa {kappa(x1, x2)[1]:.3f} [{lo:.3f}, {hi:.3f}]; '
      f'instances {x1.mean():.2f} and {x2.mean():.2f}')
tags = {}
for f in sorted(glob.glob('labels/batch*.tsv')):
    for line in open(f):
        p = line.rstrip('\n').split('\t'); tags[int(p[0])] = p[2]
off = [i for i in ids if lab[i] != b[i]]
print(f'disagreements {len(off)}: first annotators 0 and second 1 on {sum(lab[i] == 0 for i in off)}, of them tagged '
      f'vague by the first {sum(tags[i] == "vague" for i in off)}; items the first tagged vague: '
      f'{sum(tags[i] == "vague" for i in ids)}')
for f in sorted(glob.glob('labels/batch*.tsv')):
    v = [int(l.split('\t')[1]) for l in open(f)]
    print(f'{f}: {len(v)} items, instances {np.mean(v):.2f}')
