# The choice the shipped embedding judge was made by (commit ad8dc90, on HarmBench's validation set): the refusal
# classifier as it was before that commit, alone, against the design that replaced it (today's classifier, the
# keyword list and the topic match). Measured here on held-out JailbreakBench replies (labels: that benchmark's judge)
# with a bootstrap over goals, and on HarmBench's 602 items (people's majority) with a bootstrap over behaviours.
# Today's classifier alone is shown too. Columns of *.designs.tsv: shipped, today's classifier alone; *.old.tsv: the
# pre-ad8dc90 classifier alone (OldDesign.java, that commit's RefusalClassifier compiled in a scratch package).
from proto import *
Xj, mj, rj = load('jbb'); Xh, mh, rh = load('hb')
yj = np.array([r['label'] for r in rj], float); yh = np.array([r['label'] for r in rh], float)
keep = held_out(rj, rh)
dj = np.loadtxt('jbb.designs.tsv', dtype=int); dh = np.loadtxt('hb.designs.tsv', dtype=int)
oj = np.loadtxt('jbb.old.tsv', dtype=int); oh = np.loadtxt('hb.old.tsv', dtype=int)
sets = [('JailbreakBench (held out)', np.column_stack([dj, oj])[keep], yj[keep], [r['goal'] for r, k in zip(rj, keep) if k]),
        ('HarmBench', np.column_stack([dh, oh]), yh, [r['id'].split('#')[0] for r in rh])]
for data, d, y, clusters in sets:
    for name, col in [('shipped (classifier + keyword + topic)', 0), ('before ad8dc90: its classifier alone', 2),
                      ("today's classifier alone", 1)]:
        p = d[:, col] == 1; acc, k, se, sp = kappa(p, y)
        lo, hi = cluster_boot(lambda i: kappa(p[i], y[i])[1], clusters)
        print(f'{data:26s} {name:38s} n {len(y)} agreement {acc:.3f} kappa {k:.3f} [{lo:.3f}, {hi:.3f}] '
              f'sensitivity {se:.2f} specificity {sp:.2f}')
    a, b = d[:, 0] == 1, d[:, 2] == 1
    lo, hi = cluster_boot(lambda i: kappa(a[i], y[i])[1] - kappa(b[i], y[i])[1], clusters)
    print(f'{data:26s} shipped minus the design it replaced, paired: kappa {kappa(a, y)[1] - kappa(b, y)[1]:+.3f} '
          f'[{lo:+.3f}, {hi:+.3f}]')
