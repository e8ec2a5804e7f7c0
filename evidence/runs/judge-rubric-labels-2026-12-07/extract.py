# Writes /tmp/s57/jbb.jsonl (JailbreakBench's attack artifacts: prompt, response and the benchmark's
# 'jailbroken' label) and /tmp/s57/hb.jsonl (HarmBench's classifier validation set with the human majority).
# Run from a clone of github.com/JailbreakBench/artifacts (MIT) at 909e68c01d94222b8ad2e397a017e2e12e2adb73.
import json, subprocess
files = subprocess.run(['git', 'ls-tree', '-r', '--name-only', '909e68c01d94222b8ad2e397a017e2e12e2adb73', 'attack-artifacts'], capture_output=True,
                       text=True).stdout.split()
with open('/tmp/s57/jbb.jsonl', 'w') as out:
    for f in files:
        if 'test-artifact' in f or not f.endswith('.json') or any(
                k in f for k in ['attack-info', 'evaluation', 'submission']):
            continue
        d = json.loads(subprocess.run(['git', 'show', '909e68c01d94222b8ad2e397a017e2e12e2adb73:' + f], capture_output=True, text=True).stdout)
        for j in d['jailbreaks']:
            if j.get('response') and j.get('prompt'):
                out.write(json.dumps({'file': f, 'goal': j['goal'], 'prompt': j['prompt'], 'response': j['response'],
                                      'label': bool(j['jailbroken'])}) + '\n')
hb = json.load(open('/work/shared/data/harmbench-classifier-val/text_behaviors_val_set.json'))
with open('/tmp/s57/hb.jsonl', 'w') as o:
    for k, items in hb.items():
        for i, it in enumerate(items):
            votes = it['human_0'] + it['human_1'] + it['human_2']
            o.write(json.dumps({'id': f'{k}#{i}', 'prompt': it['test_case'], 'response': it['generation'],
                                'label': votes >= 2}) + '\n')
