# For the cross-encoder run: per JailbreakBench reply, whether it is held out from HarmBench, its rubric label
# (-1 where none), JailbreakBench's label, and its cross-validation fold by goal (proto's seed-0 assignment).
import json, sys
sys.argv = ['x', 'minilm']
from common import *
rows = [json.loads(l) for l in open('/tmp/s57/jbb.jsonl')]
keep = held_out(rows, [json.loads(l) for l in open('/tmp/s57/hb.jsonl')])
y = rubric_labels(rows, keep)
goals = sorted({r['goal'] for r in rows}); rng = np.random.default_rng(0)
fold_of = dict(zip(goals, rng.permutation(len(goals)) % 5))
json.dump({'keep': keep.tolist(), 'rubric': y.tolist(), 'jbb': [bool(r['label']) for r in rows],
           'fold': [int(fold_of[r['goal']]) for r in rows], 'goal': [r['goal'] for r in rows]},
          open('labels.json', 'w'))  # copy it into train_ce.py's work folder
