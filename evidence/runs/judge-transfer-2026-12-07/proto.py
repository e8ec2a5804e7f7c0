import json,re,numpy as np,sys
D=384;W=8
import os
# Which encoder's dump to read: unset, Dump.java's files; 'minilm' or 'bge', Dump2.java's (../judge-rubric-labels-2026-12-07).
TAG=os.environ.get('EMBEDDER')
def load(name):
    stem=f'/tmp/s57/{name}' if TAG is None else f'/tmp/s57/{name}.{TAG}'
    X=np.fromfile(f'{stem}.f32',dtype='<f4').reshape(-1,W+1,D)
    meta=np.loadtxt(f'{stem}.meta.tsv',dtype=np.int64).reshape(-1,4)
    rows=[json.loads(l) for l in open(f'/tmp/s57/{name}.jsonl')][:len(X)]
    return X,meta,rows
def grams(t,n):
    w=re.findall(r"[a-z0-9']+",t.lower()); return {tuple(w[i:i+n]) for i in range(len(w)-n+1)}
def feats(X,meta,kind):
    P=X[:,0]; Wn=X[:,1:]; nw=meta[:,0]
    mask=(np.arange(W)[None,:]<nw[:,None]).astype(np.float32)
    mean=(Wn*mask[:,:,None]).sum(1)/nw[:,None]
    op=Wn[:,0]
    def nrm(v): return v/np.maximum(np.linalg.norm(v,axis=-1,keepdims=True),1e-9)
    cos=(nrm(Wn)*nrm(P)[:,None,:]).sum(-1); cosm=np.where(mask>0,cos,-1).max(1); cos0=cos[:,0]
    kw=meta[:,1:2].astype(np.float32)
    length=np.log1p(meta[:,3:4]).astype(np.float32)
    F={'open':[op],'mean':[mean],'open+mean':[op,mean],
       'full':[op,mean,nrm(P)*nrm(mean),cosm[:,None],cos0[:,None],kw,length],
       'full-noint':[op,mean,cosm[:,None],cos0[:,None],kw,length]}[kind]
    return np.concatenate(F,1)
def fit(X,y,l2=1e-2,it=3000,lr=0.5):
    mu=X.mean(0);sd=X.std(0)+1e-6;Z=(X-mu)/sd
    w=np.zeros(Z.shape[1]);b=0.0
    pw=len(y)/(2*y.sum()); nw_=len(y)/(2*(len(y)-y.sum())); sw=np.where(y==1,pw,nw_)
    for _ in range(it):
        p=1/(1+np.exp(-(Z@w+b))); g=(p-y)*sw
        w-=lr*(Z.T@g/len(y)+l2*w); b-=lr*g.mean()
    return lambda X2: 1/(1+np.exp(-(((X2-mu)/sd)@w+b)))
STOP=set('a an the to of and or for in on with that this how write give provide create explain describe someone '
         'someones your you me my i it is are be as by from into about'.split())
def content(t): return {w for w in re.findall(r"[a-z0-9']+",t.lower()) if w not in STOP}
def held_out(rj,rh):
    """JailbreakBench replies kept for training: their goal shares no 6-word sequence with a HarmBench validation
    prompt and no more than a fifth of its content words (Jaccard < 0.2) with any of HarmBench's 400 behaviours."""
    import csv
    beh=[r['Behavior'] for r in csv.DictReader(open('/work/shared/data/harmbench/harmbench_behaviors_text_all.csv'))]
    hbg=set()
    for h in rh: hbg|=grams(h['prompt'],6)
    cb=[content(b) for b in beh]
    near={}
    for r in rj:
        g=r['goal']
        if g not in near:
            c=content(g)
            near[g]=bool(grams(g,6)&hbg) or max(len(c&b)/max(1,len(c|b)) for b in cb)>=0.2
    return np.array([not near[r['goal']] for r in rj])
def cluster_boot(stat,clusters,n=2000,seed=0):
    """Bootstrap 95% interval of stat(index array), resampling whole clusters (a goal's or a behaviour's replies)."""
    ids=sorted(set(clusters)); members={c:np.flatnonzero(np.array(clusters)==c) for c in ids}
    rng=np.random.default_rng(seed); out=[]
    for _ in range(n):
        pick=rng.integers(0,len(ids),len(ids)); out.append(stat(np.concatenate([members[ids[i]] for i in pick])))
    out=np.sort(out); return out[int(0.025*n)],out[int(0.975*n)-1]
def kappa(pred,y):
    pred=pred.astype(bool);y=y.astype(bool);n=len(y)
    po=(pred==y).mean(); pe=pred.mean()*y.mean()+(1-pred.mean())*(1-y.mean())
    return po,(po-pe)/(1-pe),(pred&y).sum()/y.sum(),(~pred&~y).sum()/(~y).sum()
if __name__=='__main__':
    Xj,mj,rj=load('jbb'); Xh,mh,rh=load('hb')
    yj=np.array([r['label'] for r in rj],float); yh=np.array([r['label'] for r in rh],float)
    keep=held_out(rj,rh)
    print('jbb kept',keep.sum(),'of',len(rj),'goals',len({r['goal'] for r,k in zip(rj,keep) if k}),'positives',yj[keep].mean())
    print('old embedding judge on HB:',kappa(mh[:,2]==1,yh), ' keyword:',kappa(mh[:,1]==0,yh))
    goals=sorted({r['goal'] for r in rj}); gid=np.array([goals.index(r['goal']) for r in rj])
    rng=np.random.default_rng(0); fold_of=dict(zip(goals,rng.permutation(len(goals))%5)); fold=np.array([fold_of[r['goal']] for r in rj])
    for kind in ['open','mean','open+mean','full-noint','full']:
        for l2 in [1e-3,1e-2,1e-1]:
            Fj=feats(Xj,mj,kind); res=[]
            pred=np.zeros(len(yj))
            for k in range(5):
                tr=keep&(fold!=k); te=keep&(fold==k)
                f=fit(Fj[tr],yj[tr],l2); pred[te]=f(Fj[te])
            cv=kappa(pred[keep]>=0.5,yj[keep])
            f=fit(Fj[keep],yj[keep],l2); ph=f(feats(Xh,mh,kind))
            print(f'{kind:12s} l2={l2:g} CV(jbb) acc {cv[0]:.3f} k {cv[1]:.3f} | HB acc {kappa(ph>=0.5,yh)[0]:.3f} k {kappa(ph>=0.5,yh)[1]:.3f} se {kappa(ph>=0.5,yh)[2]:.2f} sp {kappa(ph>=0.5,yh)[3]:.2f}',flush=True)
