# The cross-encoder's figures over its seeds: for each label source, each seed's in-domain kappa (fold 0 of the
# held-out JailbreakBench replies) and HarmBench kappa, and the mean over seeds with a 95% t-interval (t at 2 degrees
# of freedom: 4.303). Run in the folder holding train_ce.py's logs and score files.
import os, re, sys, numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'judge-transfer-2026-12-07'))
os.environ['EMBEDDER'] = 'minilm'
from proto import kappa, load
_, mh, rh = load('hb'); yh = np.array([r['label'] for r in rh]) == 1
for labels in ['rubric', 'jbb']:
    dom, hb = [], []
    for seed in (1, 2, 3):
        log = open(f'train_{labels}_{seed}.log').read()
        dom.append(float(re.search(r'in-domain check .* kappa ([0-9.-]+)', log).group(1)))
        hb.append(float(kappa(np.load(f"hb_scores_{labels}_{seed}.npy") >= 0, yh)[1]))
    def mean_t(x): x = np.array(x); h = 4.303 * x.std(ddof=1) / np.sqrt(len(x)); return f'{x.mean():.3f} ± {h:.3f}'
    print(f'{labels:6s} in-domain {[round(v, 3) for v in dom]} mean {mean_t(dom)} | HarmBench {[round(v, 3) for v in hb]} mean {mean_t(hb)}')
