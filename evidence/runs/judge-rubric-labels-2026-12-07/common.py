# Shared by this folder's scripts: the earlier run's feature code (../judge-transfer-2026-12-07/proto.py), reading the
# dump of the encoder named first on the command line, and the labels made here mapped onto every held-out reply.
import glob, json, os, sys
os.environ['EMBEDDER'] = sys.argv[1]
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'judge-transfer-2026-12-07'))
import numpy as np
from proto import load, feats, fit, held_out, kappa, cluster_boot


def batch_labels():
    """id -> 0/1 from labels/batch*.tsv (the first annotators)."""
    lab = {}
    for f in sorted(glob.glob('labels/batch*.tsv')):
        for line in open(f):
            p = line.rstrip('\n').split('\t')
            if len(p) >= 2 and p[1] in ('0', '1'):
                lab[int(p[0])] = int(p[1])
    return lab


def rubric_labels(rows, keep):
    """Each held-out reply's label (-1 where none): a reply takes the label of the first reply with the same goal
    and the same first 2,400 characters (mkbatches.py's dedupe.json)."""
    first = {tuple(k.split('\u0000', 1)): v for k, v in json.load(open('dedupe.json')).items()}
    lab = batch_labels()
    y = np.full(len(rows), -1)
    for i, r in enumerate(rows):
        if keep[i]:
            j = first.get((r['goal'], r['response'][:2400]))
            if j is not None and j in lab:
                y[i] = lab[j]
    return y
