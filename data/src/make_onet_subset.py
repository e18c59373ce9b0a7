#!/usr/bin/env python3
"""Cuts data/onet-subset/ from an O*NET database text release (default: ../shared/data/onet-29.3).

The files stay as published (same names, headers and columns, tab-delimited, rows in their
original order); only the rows of the occupations in OCCUPATIONS are kept. Content Model
Reference keeps the elements they are rated on (skills and knowledge) with all their ancestors,
so the `onet-elements` scheme holds what the ratings talk about; Scales Reference and Read Me
are copied whole. Related Occupations keeps the pairs whose both ends are in the subset. Standard library only; the output is the same on every run.

    python3 data/src/make_onet_subset.py [ONET_DIR]
    python3 data/src/make_onet_subset.py --check [ONET_DIR]   # exit 1 if data/onet-subset is out of date
"""
import os
import sys

# Occupations a data analyst might be prepared for (15-2051.00 and 13-2051.00-like new
# occupations have no Skills/Knowledge ratings in 29.3; 15-2051.00 is kept for its titles).
OCCUPATIONS = [
    "13-1111.00",  # Management Analysts
    "13-1161.00",  # Market Research Analysts and Marketing Specialists
    "15-1211.00",  # Computer Systems Analysts
    "15-1242.00",  # Database Administrators
    "15-1243.00",  # Database Architects
    "15-1251.00",  # Computer Programmers
    "15-2031.00",  # Operations Research Analysts
    "15-2041.00",  # Statisticians
    "15-2051.00",  # Data Scientists
    "15-2051.01",  # Business Intelligence Analysts
    "43-9111.00",  # Statistical Assistants
]
WHOLE = ["Scales Reference.txt", "Read Me.txt"]
CONTENT_MODEL = "Content Model Reference.txt"
RATED = ["Skills.txt", "Knowledge.txt"]
PER_OCCUPATION = ["Occupation Data.txt", "Alternate Titles.txt", "Sample of Reported Titles.txt", "Job Zones.txt",
                  "Task Statements.txt", "Skills.txt", "Knowledge.txt"]
RELATED = "Related Occupations.txt"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "onet-subset")


def cut(src):
    files = {}
    for name in WHOLE:
        with open(os.path.join(src, name), "rb") as f:
            files[name] = f.read()
    keep = set(OCCUPATIONS)
    for name in PER_OCCUPATION + [RELATED]:
        with open(os.path.join(src, name), "rb") as f:
            lines = f.read().split(b"\n")
        out = [lines[0]]
        for line in lines[1:]:
            cols = line.decode("utf-8").split("\t")
            if cols[0] not in keep:
                continue
            if name == RELATED and cols[2] not in keep:
                continue
            out.append(line)
        files[name] = b"\n".join(out) + b"\n"
    rated = set()
    for name in RATED:
        for line in files[name].decode("utf-8").split("\n")[1:]:
            if line:
                element = line.split("\t")[2]
                parts = element.split(".")
                rated.update(".".join(parts[:i]) for i in range(1, len(parts) + 1))
    with open(os.path.join(src, CONTENT_MODEL), "rb") as f:
        lines = f.read().split(b"\n")
    out = [lines[0]] + [l for l in lines[1:] if l and l.decode("utf-8").split("\t")[0] in rated]
    files[CONTENT_MODEL] = b"\n".join(out) + b"\n"
    return files


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    src = args[0] if args else os.path.join(HERE, "..", "..", "..", "shared", "data", "onet-29.3")
    files = cut(src)
    stale = []
    for name, data in sorted(files.items()):
        path = os.path.join(OUT, name)
        old = open(path, "rb").read() if os.path.exists(path) else None
        if old != data:
            stale.append(name)
            if not check:
                os.makedirs(OUT, exist_ok=True)
                with open(path, "wb") as f:
                    f.write(data)
    if check:
        if stale:
            print("out of date: " + ", ".join(stale))
            return 1
        print("data/onet-subset is up to date")
        return 0
    print("wrote %d files to data/onet-subset (%d changed)" % (len(files), len(stale)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
