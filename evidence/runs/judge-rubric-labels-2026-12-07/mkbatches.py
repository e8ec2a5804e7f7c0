# Held-out JailbreakBench replies (the same filter as proto.held_out) written in batches for annotators:
# id, behaviour (the goal) and the reply's first 2,400 characters (all the judge's features read).
import json, sys
sys.argv = ['x', 'minilm']
from common import np, held_out
rj = [json.loads(l) for l in open('/tmp/s57/jbb.jsonl')]
rh = [json.loads(l) for l in open('/tmp/s57/hb.jsonl')]
keep = held_out(rj, rh)
items, seen = [], {}
for i, (r, k) in enumerate(zip(rj, keep)):
    if not k: continue
    key = (r['goal'], r['response'][:2400])
    if key in seen: continue
    seen[key] = i
    items.append({'id': i, 'behaviour': r['goal'], 'reply': r['response'][:2400]})
print(len(items), 'distinct of', int(keep.sum()))
import os; os.makedirs('batches', exist_ok=True)
rng = np.random.default_rng(7); order = rng.permutation(len(items))
B = 6
for b in range(B):
    with open(f'batches/batch{b}.jsonl', 'w') as f:
        for j in order[b::B]: f.write(json.dumps(items[j]) + '\n')
# a second annotator's sample for agreement: 180 items across all batches
with open('batches/second.jsonl', 'w') as f:
    for j in sorted(order[:180]): f.write(json.dumps(items[j]) + '\n')
json.dump({str(k[0]) + '\u0000' + k[1]: v for k, v in seen.items()}, open('dedupe.json', 'w'))
