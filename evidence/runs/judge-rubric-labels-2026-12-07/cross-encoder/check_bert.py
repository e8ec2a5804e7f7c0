# bert.py's MiniLM against the Java model (Check.java): the same sentence's token ids (printed by Check.java), mean
# pooled and normalised, first six values.
import torch; from bert import MiniLM
m = MiniLM().load_onnx('all-minilm-l6-v2.onnx').eval()
ids = torch.tensor([[101, 1996, 4937, 2938, 2006, 1996, 13523, 1010, 1998, 2059, 2009, 2187, 2855, 1012, 102]])
with torch.no_grad():
    h = m(ids, torch.zeros_like(ids), torch.ones_like(ids)).mean(1); h = h / h.norm()
print(' '.join(f'{v:.7g}' for v in h[0, :6].tolist()))
