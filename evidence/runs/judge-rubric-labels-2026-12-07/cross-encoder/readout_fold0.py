# The embedding readout on the cross-encoder's split (trained on folds 1-4, checked on fold 0), beside the
# cross-encoder's seeds on the same replies: kappa with a bootstrap over fold 0's goals, and the paired difference.
# Each label source's readout is the design its own cross-validation chose (rubric: windows' mean; JailbreakBench's:
# full-noint; L2 0.1). Run in this folder's parent with PYTHONPATH=. and the score files in SCORES:
#   python3 cross-encoder/readout_fold0.py minilm SCORES
import json, sys
from common import *
scores_dir = sys.argv[2]
rows = [json.loads(l) for l in open('/tmp/s57/jbb.jsonl')]
Xj, mj, _ = load('jbb')
keep = held_out(rows, [json.loads(l) for l in open('/tmp/s57/hb.jsonl')])
goals = sorted({r['goal'] for r in rows}); rng = np.random.default_rng(0)
fold_of = dict(zip(goals, rng.permutation(len(goals)) % 5)); fold = np.array([fold_of[r['goal']] for r in rows])
for labels, kind in [('rubric', 'mean'), ('jbb', 'full-noint')]:
    y = rubric_labels(rows, keep) if labels == 'rubric' else np.where(keep, [int(r['label']) for r in rows], -1)
    train = np.flatnonzero(keep & (y >= 0) & (fold != 0)); check = np.flatnonzero(keep & (y >= 0) & (fold == 0))
    F = feats(Xj, mj, kind); readout = fit(F[train], y[train].astype(float), 0.1)(F[check]) >= 0.5
    yy = y[check] == 1; g = [rows[i]['goal'] for i in check]
    lo, hi = cluster_boot(lambda i: kappa(readout[i], yy[i])[1], g)
    print(f'{labels}: readout on fold 0 ({len(check)} replies, {len(set(g))} goals) kappa {kappa(readout, yy)[1]:.3f} [{lo:.3f}, {hi:.3f}]')
    for seed in (1, 2, 3):
        ce = np.load(f'{scores_dir}/check_scores_{labels}_{seed}.npy') >= 0
        lo, hi = cluster_boot(lambda i: kappa(ce[i], yy[i])[1], g)
        d = lambda i: kappa(ce[i], yy[i])[1] - kappa(readout[i], yy[i])[1]; dlo, dhi = cluster_boot(d, g)
        print(f'  cross-encoder seed {seed}: {kappa(ce, yy)[1]:.3f} [{lo:.3f}, {hi:.3f}]; minus readout '
              f'{d(np.arange(len(yy))):+.3f} [{dlo:+.3f}, {dhi:+.3f}]')
