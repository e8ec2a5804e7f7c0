# Fine-tunes MiniLM-L6 as a cross-encoder on (request, reply) pairs of held-out JailbreakBench replies and scores it
# on HarmBench's 602 human-labelled items. Settings fixed before any run (the usual small-data BERT recipe): mean
# pooling, dropout 0.1, linear head, class-balanced BCE, AdamW lr 5e-5, weight decay 0.01, batch 16, 3 epochs, linear
# decay with 10% warm-up, at most 256 tokens. Fold 0 of proto's goal folds is held out of training as an in-domain
# check; HarmBench is scored by the same model.
# Usage: python3 train_ce.py rubric|jbb SEED
import json, math, sys, time, numpy as np, torch, torch.nn as nn
from bert import MiniLM
LABELS, SEED = sys.argv[1], int(sys.argv[2])
torch.set_num_threads(2); torch.manual_seed(SEED); rng = np.random.default_rng(SEED)
meta = json.load(open('labels.json'))
def read(name):
    out = []
    for line in open(name + '.tok'):
        ids, types = line.rstrip('\n').split('\t')
        out.append((list(map(int, ids.split())), list(map(int, types.split()))))
    return out
J, H = read('jbb'), read('hb')
yj = np.array(meta['rubric'] if LABELS == 'rubric' else [int(b) if k else -1 for b, k in zip(meta['jbb'], meta['keep'])])
fold = np.array(meta['fold']); keep = np.array(meta['keep'])
train = np.flatnonzero(keep & (yj >= 0) & (fold != 0)); check = np.flatnonzero(keep & (yj >= 0) & (fold == 0))
yh = np.array([json.loads(l)['label'] for l in open('/tmp/s57/hb.jsonl')], bool)
class CrossEncoder(nn.Module):
    def __init__(s):
        super().__init__(); s.enc = MiniLM().load_onnx('all-minilm-l6-v2.onnx'); s.drop = nn.Dropout(0.1); s.head = nn.Linear(384, 1)
    def forward(s, ids, types, mask):
        h = s.enc(ids, types, mask); m = mask[..., None].float()
        return s.head(s.drop((h * m).sum(1) / m.sum(1))).squeeze(-1)
def batch(items):
    T = max(len(i) for i, _ in items)
    ids = torch.zeros(len(items), T, dtype=torch.long); ty = torch.zeros_like(ids); mask = torch.zeros_like(ids)
    for r, (i, t) in enumerate(items):
        ids[r, :len(i)] = torch.tensor(i); ty[r, :len(t)] = torch.tensor(t); mask[r, :len(i)] = 1
    return ids, ty, mask
model = CrossEncoder()
EPOCHS, BS = 3, 16
steps = EPOCHS * math.ceil(len(train) / BS)
decay = [p for n, p in model.named_parameters() if not n.endswith('bias') and 'ln' not in n]
rest = [p for n, p in model.named_parameters() if n.endswith('bias') or 'ln' in n]
opt = torch.optim.AdamW([{'params': decay, 'weight_decay': 0.01}, {'params': rest, 'weight_decay': 0.0}], lr=5e-5)
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / (0.1 * steps), max(0.0, (steps - s) / (0.9 * steps))))
pos = yj[train].mean(); loss_fn = nn.BCEWithLogitsLoss(reduction='none')
t0 = time.time(); step = 0
for ep in range(EPOCHS):
    model.train(); order = rng.permutation(train)
    for b in range(0, len(order), BS):
        idx = order[b:b + BS]; ids, ty, mask = batch([J[i] for i in idx])
        y = torch.tensor(yj[idx], dtype=torch.float32)
        w = torch.where(y > 0, torch.tensor(0.5 / pos), torch.tensor(0.5 / (1 - pos)))
        loss = (loss_fn(model(ids, ty, mask), y) * w).mean()
        opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0); opt.step(); sched.step(); step += 1
        if step % 20 == 0: print(f'epoch {ep} step {step}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f}s', flush=True)
def scores(items):
    model.eval(); out = []
    with torch.no_grad():
        order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
        res = {}
        for b in range(0, len(order), 32):
            idx = order[b:b + 32]; z = model(*batch([items[i] for i in idx]))
            for i, v in zip(idx, z.tolist()): res[i] = v
    return np.array([res[i] for i in range(len(items))])
def kappa(p, y):
    po = (p == y).mean(); pe = p.mean() * y.mean() + (1 - p.mean()) * (1 - y.mean()); return po, (po - pe) / (1 - pe)
sc = scores([J[i] for i in check]); a, k = kappa(sc >= 0, yj[check] == 1)
print(f'in-domain check (fold 0, {len(check)} replies): agreement {a:.3f} kappa {k:.3f}')
sh = scores(H); a, k = kappa(sh >= 0, yh)
print(f'HarmBench 602: agreement {a:.3f} kappa {k:.3f} sensitivity {(sh >= 0)[yh].mean():.2f} specificity {(sh < 0)[~yh].mean():.2f}')
np.save(f'hb_scores_{LABELS}_{SEED}.npy', sh); np.save(f'check_scores_{LABELS}_{SEED}.npy', sc)
# The same model on HarmBench read through a 512-token window (TokDump512.java), where 256 tokens cut most of its
# replies; training inputs all fit in 256.
import os
if os.path.exists('hb512.tok'):
    s5 = scores(read('hb512')); a, k = kappa(s5 >= 0, yh)
    print(f'HarmBench 602, 512 tokens: agreement {a:.3f} kappa {k:.3f} sensitivity {(s5 >= 0)[yh].mean():.2f} specificity {(s5 < 0)[~yh].mean():.2f}')
    np.save(f'hb512_scores_{LABELS}_{SEED}.npy', s5)
print(f'trained on {len(train)} replies in {time.time() - t0:.0f}s')
