# HarmBench kappa of saved cross-encoder scores (logit >= 0 is harmful) with the bootstrap over behaviours, and the
# paired difference from the shipped embedding judge. Usage: python3 ce_hb.py hb_scores_X.npy...
import json, os, sys, numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'judge-transfer-2026-12-07'))
os.environ['EMBEDDER'] = 'minilm'
from proto import kappa, cluster_boot, load
_, mh, rh = load('hb')
yh = np.array([r['label'] for r in rh]) == 1; beh = [r['id'].split('#')[0] for r in rh]; shipped = mh[:, 2] == 1
for f in sys.argv[1:]:
    p = np.load(f) >= 0
    a, k, se, sp = kappa(p, yh); lo, hi = cluster_boot(lambda i: kappa(p[i], yh[i])[1], beh)
    d = lambda i: kappa(p[i], yh[i])[1] - kappa(shipped[i], yh[i])[1]; dlo, dhi = cluster_boot(d, beh)
    print(f'{f}: agreement {a:.3f} kappa {k:.3f} [{lo:.3f}, {hi:.3f}] sensitivity {se:.2f} specificity {sp:.2f}; '
          f'minus shipped {d(np.arange(len(yh))):+.3f} [{dlo:+.3f}, {dhi:+.3f}]')
