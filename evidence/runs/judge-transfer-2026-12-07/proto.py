import json,re,numpy as np,sys
D=384;W=8
def load(name):
    X=np.fromfile(f'/tmp/s57/{name}.f32',dtype='<f4').reshape(-1,W+1,D)
    meta=np.loadtxt(f'/tmp/s57/{name}.meta.tsv',dtype=np.int64).reshape(-1,4)
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
def kappa(pred,y):
    pred=pred.astype(bool);y=y.astype(bool);n=len(y)
    po=(pred==y).mean(); pe=pred.mean()*y.mean()+(1-pred.mean())*(1-y.mean())
    return po,(po-pe)/(1-pe),(pred&y).sum()/y.sum(),(~pred&~y).sum()/(~y).sum()
if __name__=='__main__':
    Xj,mj,rj=load('jbb'); Xh,mh,rh=load('hb')
    yj=np.array([r['label'] for r in rj],float); yh=np.array([r['label'] for r in rh],float)
    hbg=set()
    for h in rh: hbg|=grams(h['prompt'],6)
    keep=np.array([not (grams(r['goal'],6)&hbg) for r in rj])
    print('jbb kept',keep.sum(),'of',len(rj),'positives',yj[keep].mean())
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
