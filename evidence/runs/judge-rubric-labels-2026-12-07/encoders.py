# bge-small-en-v1.5 minus all-MiniLM-L6-v2 for the design both encoders' cross-validation chose (windows' mean,
# L2 0.1) on the rubric labels: cross-validated kappa (bootstrap over goals) and HarmBench kappa (over behaviours),
# paired on the same resamples. Usage: python3 encoders.py minilm
import json
from common import *
import proto
rows = [json.loads(l) for l in open('/tmp/s57/jbb.jsonl')]; rh = [json.loads(l) for l in open('/tmp/s57/hb.jsonl')]
keep = held_out(rows, rh); y = rubric_labels(rows, keep); use = y >= 0
goals = sorted({r['goal'] for r in rows}); rng = np.random.default_rng(0)
fold_of = dict(zip(goals, rng.permutation(len(goals)) % 5)); fold = np.array([fold_of[r['goal']] for r in rows])
yh = np.array([r['label'] for r in rh]) == 1; cv, hb = {}, {}
for tag in ['minilm', 'bge']:
    proto.TAG = tag; Xj, mj, _ = proto.load('jbb'); Xh, mh, _ = proto.load('hb')
    F = feats(Xj, mj, 'mean'); pred = np.zeros(len(rows))
    for k in range(5):
        tr = use & (fold != k); te = use & (fold == k)
        pred[te] = fit(F[tr], y[tr].astype(float), 0.1)(F[te])
    cv[tag] = pred >= 0.5; hb[tag] = fit(F[use], y[use].astype(float), 0.1)(feats(Xh, mh, 'mean')) >= 0.5
idx = np.flatnonzero(use); yy = y[idx] == 1
d = lambda i: kappa(cv['bge'][idx][i], yy[i])[1] - kappa(cv['minilm'][idx][i], yy[i])[1]
lo, hi = cluster_boot(d, [rows[i]['goal'] for i in idx])
print(f'cross-validated on the rubric labels, bge minus MiniLM: {d(np.arange(len(idx))):+.3f} [{lo:+.3f}, {hi:+.3f}]')
d2 = lambda i: kappa(hb['bge'][i], yh[i])[1] - kappa(hb['minilm'][i], yh[i])[1]
lo, hi = cluster_boot(d2, [r['id'].split('#')[0] for r in rh])
print(f'on HarmBench, bge minus MiniLM: {d2(np.arange(len(rh))):+.3f} [{lo:+.3f}, {hi:+.3f}]')
