import csv,os,sys
csv.field_size_limit(10**9)
SRC=sys.argv[2] if len(sys.argv) > 2 else '../shared/data/esco'
OUT=sys.argv[1]; os.makedirs(OUT,exist_ok=True)
def read(f):
    with open(os.path.join(SRC,f),encoding='utf-8-sig',newline='') as fh:
        rd=csv.reader(fh); h=next(rd); return h,[r for r in rd]
def write(f,h,rows,bom=False):
    with open(os.path.join(OUT,f),'w',encoding='utf-8-sig' if bom else 'utf-8',newline='') as fh:
        w=csv.writer(fh,lineterminator='\r\n'); w.writerow(h); w.writerows(rows)
h,r=read('occupations_en_v1.2.csv')
write('occupations_en_v1.2.csv',h,[x for x in r if x[3] in ('data scientist','data analyst')])
h,r=read('ISCOGroups_en.csv')
write('ISCOGroups_en.csv',h,[x for x in r if x[2] in ('2','25','251','2511')])
h,r=read('skills_labels_en.csv')
sk=[x for x in r if x[1] in ('Python','statistics','data mining','show initiative','think creatively','solve technical problems')]
write('skills_labels_en.csv',h,sk,bom=True)
h,r=read('skillsHierarchy_en.csv')
write('skillsHierarchy_en.csv',h,[x for x in r if x[0].endswith('/S') and (x[2] in ('','http://data.europa.eu/esco/skill/S1')) and x[4] in ('','http://data.europa.eu/esco/skill/S1.0') and x[6] in ('', 'http://data.europa.eu/esco/skill/S1.0.0')])
h,r=read('skillGroups_en.csv')
write('skillGroups_en.csv',h,[x for x in r if x[1].split('/')[-1] in ('S','S1','S1.0','S1.0.0')])
h,r=read('ictSkillsCollection_en.csv')
write('ictSkillsCollection_en.csv',h,r[:2])
h,r=read('transversalSkillsCollection_en.csv')
write('transversalSkillsCollection_en.csv',h,[x for x in r if x[4] in ('show initiative','think creatively')][:2] or r[:2])
