# MiniLM-L6 (BERT, 6 layers, 384 wide, 12 heads) in PyTorch, weights read from the float32 ONNX file that
# LangChain4j's all-minilm-l6-v2 artifact ships; MatMul weights are found by the bias Add that follows each MatMul.
import math, onnx, torch, torch.nn as nn, torch.nn.functional as Fn
from onnx import numpy_helper
def onnx_weights(path):
    m = onnx.load(path); init = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    consumers = {}
    for n in m.graph.node:
        for x in n.input: consumers.setdefault(x, []).append(n)
    W = {k: v for k, v in init.items() if not k.startswith('onnx::')}
    for n in m.graph.node:
        if n.op_type == 'MatMul' and n.input[1] in init and n.input[1].startswith('onnx::'):
            add = [c for c in consumers.get(n.output[0], []) if c.op_type == 'Add']
            bias = [x for x in add[0].input if x in init and x.endswith('.bias')][0]
            W[bias[:-5] + '.weight'] = init[n.input[1]].T   # ONNX stores x @ W; torch Linear stores W^T
    return W
class Layer(nn.Module):
    def __init__(s, d=384, h=12, ff=1536):
        super().__init__(); s.h = h
        s.q, s.k, s.v, s.o = (nn.Linear(d, d) for _ in range(4)); s.ln1 = nn.LayerNorm(d, eps=1e-12)
        s.i, s.out = nn.Linear(d, ff), nn.Linear(ff, d); s.ln2 = nn.LayerNorm(d, eps=1e-12)
    def forward(s, x, bias):
        B, T, D = x.shape; hd = D // s.h
        split = lambda t: t.view(B, T, s.h, hd).transpose(1, 2)
        a = (split(s.q(x)) @ split(s.k(x)).transpose(-1, -2)) / math.sqrt(hd) + bias
        ctx = (a.softmax(-1) @ split(s.v(x))).transpose(1, 2).reshape(B, T, D)
        x = s.ln1(x + s.o(ctx))
        return s.ln2(x + s.out(Fn.gelu(s.i(x))))
class MiniLM(nn.Module):
    def __init__(s):
        super().__init__()
        s.word, s.pos, s.typ = nn.Embedding(30522, 384), nn.Embedding(512, 384), nn.Embedding(2, 384)
        s.ln = nn.LayerNorm(384, eps=1e-12); s.layers = nn.ModuleList(Layer() for _ in range(6))
    def forward(s, ids, types, mask):
        x = s.ln(s.word(ids) + s.pos(torch.arange(ids.shape[1])[None]) + s.typ(types))
        bias = (1.0 - mask[:, None, None, :].float()) * -1e4
        for l in s.layers: x = l(x, bias)
        return x
    def load_onnx(s, path):
        W = onnx_weights(path); sd = {}
        sd['word.weight'] = W['embeddings.word_embeddings.weight']; sd['pos.weight'] = W['embeddings.position_embeddings.weight']
        sd['typ.weight'] = W['embeddings.token_type_embeddings.weight']
        sd['ln.weight'], sd['ln.bias'] = W['embeddings.LayerNorm.weight'], W['embeddings.LayerNorm.bias']
        for i in range(6):
            p = f'encoder.layer.{i}.'
            for mine, theirs in [('q', 'attention.self.query'), ('k', 'attention.self.key'), ('v', 'attention.self.value'),
                                 ('o', 'attention.output.dense'), ('ln1', 'attention.output.LayerNorm'),
                                 ('i', 'intermediate.dense'), ('out', 'output.dense'), ('ln2', 'output.LayerNorm')]:
                sd[f'layers.{i}.{mine}.weight'] = W[p + theirs + '.weight']; sd[f'layers.{i}.{mine}.bias'] = W[p + theirs + '.bias']
        s.load_state_dict({k: torch.tensor(v.copy()) for k, v in sd.items()}); return s
