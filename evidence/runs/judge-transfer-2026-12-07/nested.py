# The shipped embedding judge's design was chosen on HarmBench's validation set (ad8dc90: the better of two designs).
# Does that choice hang on the set's noise? The choice is repeated as a procedure inside the set: split HarmBench's
# 301 behaviours at random into halves (a behaviour's two replies stay together), choose the design with the higher
# kappa on one half, score the chosen design on the other half; both ways round, 2,000 splits. This detects only a
# choice that flips between halves; it cannot measure optimism built into the winning design itself. Inputs: /tmp/s57/hb.jsonl (extract.py), hb.designs.tsv (Designs.java: column 0 the
# shipped judge), hb.old.tsv (OldDesign.java: the classifier of ad8dc90~1 alone).
import json, numpy as np
from proto import kappa, cluster_boot
rows = [json.loads(l) for l in open('/tmp/s57/hb.jsonl')]
y = np.array([r['label'] for r in rows], bool)
shipped = np.loadtxt('/tmp/s57/hb.designs.tsv', dtype=int)[:, 0] == 1
old = np.loadtxt('/tmp/s57/hb.old.tsv', dtype=int) == 1
designs = {'shipped': shipped, 'replaced': old}
behaviour = np.array([r['id'].split('#')[0] for r in rows])
ids = sorted(set(behaviour))
for name, p in designs.items():
    acc, k, se, sp = kappa(p, y)
    lo, hi = cluster_boot(lambda i: kappa(p[i], y[i])[1], list(behaviour))
    print(f'{name:9s} all 602: kappa {k:.3f} [{lo:.3f}, {hi:.3f}]')
rng = np.random.default_rng(0)
chosen_shipped = 0; held_chosen = []; held_shipped = []; margins = []
for _ in range(2000):
    half = set(rng.permutation(ids)[:len(ids) // 2])
    a = np.array([b in half for b in behaviour])
    for choose, score in [(a, ~a), (~a, a)]:
        ks = {n: kappa(p[choose], y[choose])[1] for n, p in designs.items()}
        pick = max(ks, key=ks.get)
        margins.append(ks['shipped'] - ks['replaced'])
        chosen_shipped += pick == 'shipped'
        held_chosen.append(kappa(designs[pick][score], y[score])[1])
        held_shipped.append(kappa(shipped[score], y[score])[1])
n = len(held_chosen); held_chosen = np.array(held_chosen); held_shipped = np.array(held_shipped)
print(f'choices: {n} (2,000 splits, both halves); the shipped design chosen in {chosen_shipped} '
      f'({chosen_shipped / n:.4f}); smallest margin on a choosing half {min(margins):+.3f}')
print(f'kappa of the chosen design on the half it was not chosen on: mean {held_chosen.mean():.3f} '
      f'(2.5-97.5% of splits {np.percentile(held_chosen, 2.5):.3f}-{np.percentile(held_chosen, 97.5):.3f}); '
      f'the shipped design on the same halves {held_shipped.mean():.3f}; '
      f'regret against the shipped design (0 by construction when the choice never flips) '
      f'{held_shipped.mean() - held_chosen.mean():+.4f}')
