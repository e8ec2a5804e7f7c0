# The per-agent table of this folder's README, from the step files in steps/ (run: python3 table.py).
import glob, json, os
rows = []
for f in glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'steps', '*.json')):
    r = json.load(open(f))['result']
    rows.append((r['seed'], r['alpha'], r))
print('| alpha | seed | training success (gate 0.90) | test levels: corner first | cheese first | neither | test levels seen in training |')
print('|---|---|---|---|---|---|---|')
for seed, alpha, r in sorted(rows):
    print(f"| {alpha:g} | {seed} | {r['trainingSuccess']:.3f} | {r['corner']:.3f} | {r['cheese']:.3f} | {r['neither']:.3f} | {r['testLevelsSeen']} |")
