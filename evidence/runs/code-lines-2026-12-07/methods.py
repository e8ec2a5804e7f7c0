import re,subprocess,sys
# Sum lines of methods whose name matches a pattern, in the given files at a commit.
commit=sys.argv[1]; pat=re.compile(sys.argv[2]); files=sys.argv[3:]
tot=0
for f in files:
    try: src=subprocess.run(['git','show',f'{commit}:{f}'],capture_output=True,text=True,check=True).stdout
    except Exception: continue
    lines=src.split('\n'); i=0; sub=0; names=[]
    while i<len(lines):
        m=re.match(r'\s*(public|private|static|protected)[\w\s<>\[\],.?]*\s(\w+)\s*\(',lines[i])
        if m and pat.fullmatch(m.group(2)) and not lines[i].rstrip().endswith(';'):
            depth=0; j=i; started=False
            while j<len(lines):
                depth+=lines[j].count('{')-lines[j].count('}')
                if '{' in lines[j]: started=True
                if started and depth<=0: break
                j+=1
            sub+=j-i+1; names.append(m.group(2)); i=j+1
        else: i+=1
    print(sub,f,names); tot+=sub
print('total',tot)
