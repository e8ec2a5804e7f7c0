from proto import *
Xj,mj,rj=load('jbb'); Xh,mh,rh=load('hb')
yj=np.array([r['label'] for r in rj],float); yh=np.array([r['label'] for r in rh],float)
keep=held_out(rj,rh)
for kind in ['full-noint','open+mean']:
  for l2 in [0.3,1.0,3.0]:
    Fj=feats(Xj,mj,kind); f=fit(Fj[keep],yj[keep],l2); ph=f(feats(Xh,mh,kind))
    for thr in [0.5]:
        a=kappa(ph>=thr,yh); b=kappa((ph>=thr)&(mh[:,2]==1),yh)
        print(kind,l2,'alone',np.round(a,3),' AND old judge',np.round(b,3))
