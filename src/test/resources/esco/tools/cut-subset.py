import csv,os,sys,collections
csv.field_size_limit(10**9)
SRC=sys.argv[2] if len(sys.argv) > 2 else '../shared/data/esco-v1.1.1'
OUT=sys.argv[1]
os.makedirs(OUT,exist_ok=True)
def read(f):
    with open(os.path.join(SRC,f),encoding='utf-8-sig',newline='') as fh:
        rd=csv.reader(fh); h=next(rd); return h,[r for r in rd]
def write(f,h,rows):
    with open(os.path.join(OUT,f),'w',encoding='utf-8',newline='') as fh:
        w=csv.writer(fh,lineterminator='\n'); w.writerow(h); w.writerows(rows)
def col(h,name): return h.index(name)
OCC=['data analyst','data scientist','ICT business analyst']
h,rows=read('occupations_en.csv')
occ=[r for r in rows if r[col(h,'preferredLabel')] in OCC]
write('occupations_en.csv',h,occ)
occuris={r[1] for r in occ}
iscos={r[col(h,'iscoGroup')] for r in occ}
# relations for data analyst/scientist only
rh,rr=read('occupationSkillRelations.csv')
rel=[r for r in rr if r[0] in occuris and r[0]!=[o[1] for o in occ if o[col(h,'preferredLabel')]=='ICT business analyst'][0]]
write('occupationSkillRelations.csv',rh,rel)
skills={r[3] for r in rel}
# add a few transversal skills
th,tr=read('transversalSkillsCollection_en.csv')
tsub=[r for r in tr if r[1] in skills]
extra=[r for r in tr if r[1] not in skills][:2]
tsub+=extra; skills|={r[1] for r in extra}
write('transversalSkillsCollection_en.csv',th,tsub)
dh,dr=read('digitalSkillsCollection_en.csv')
write('digitalSkillsCollection_en.csv',dh,[r for r in dr if r[1] in skills][:8])
sh,sr=read('skills_en.csv')
write('skills_en.csv',sh,[r for r in sr if r[1] in skills])
# skill-skill relations among subset
ssh,ssr=read('skillSkillRelations.csv')
write('skillSkillRelations.csv',ssh,[r for r in ssr if r[0] in skills and r[4] in skills][:10])
# broader skill pillar
bh,br=read('broaderRelationsSkillPillar.csv')
parent=collections.defaultdict(list)
for r in br: parent[r[1]].append(r[3])
# groups: ancestors of first 3 subset skills (sorted) + transversal extras
seed=sorted(skills)[:3]+[r[1] for r in extra]
groups=set(); stack=[p for s in seed for p in parent[s]]
while stack:
    g=stack.pop()
    if g in groups: continue
    groups.add(g); stack+=parent[g]
write("broaderRelationsSkillPillar.csv",bh,[r for r in br if r[1] in skills or r[1] in groups])
gh,gr=read('skillGroups_en.csv')
write('skillGroups_en.csv',gh,[r for r in gr if r[1] in groups])
hh,hr=read('skillsHierarchy_en.csv')
def deepest(r):
    d=None
    for k in range(4):
        if len(r)>2*k and r[2*k]: d=r[2*k]
    return d
write('skillsHierarchy_en.csv',hh,[r for r in hr if deepest(r) in groups])
# ISCO
ih,ir=read('ISCOGroups_en.csv')
codes=set()
for c in iscos:
    for i in range(1,len(c)+1): codes.add(c[:i])
write('ISCOGroups_en.csv',ih,[r for r in ir if r[2] in codes])
iscouris={'http://data.europa.eu/esco/isco/C'+c for c in codes}
oh,orr=read('broaderRelationsOccPillar.csv')
write('broaderRelationsOccPillar.csv',oh,[r for r in orr if r[1] in occuris or r[1] in iscouris])
# concept schemes: keep all rows, trim hasTopConcept to subset members
ch,cr=read('conceptSchemes_en.csv')
allc=occuris|skills|groups|iscouris
out=[]
for r in cr:
    tops=[t.strip().rstrip(',') for t in r[-1].split('\n') if t.strip()]
    keep=[t for t in tops if t in allc]
    r=r[:-1]+[',\n'.join(keep)]
    out.append(r)
write('conceptSchemes_en.csv',ch,out)
print(len(occ),len(rel),len(skills),len(groups),len(codes))
