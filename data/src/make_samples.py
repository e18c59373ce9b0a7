#!/usr/bin/env python3
"""Build the two sample CASE 1.1 packages in data/ from the tables below.

    python3 data/src/make_samples.py            # writes data/*.json next to this folder
    python3 data/src/make_samples.py --check    # fails if the files on disk differ

Outputs
  data/data-analytics-certificate.json  an academic credential (a fictional community college)
  data/data-analyst-job-role.json       an employer job role (a fictional employer consortium)
                                        whose skills are aligned to the certificate's
                                        competencies by exactMatchOf / isRelatedTo.

Both frameworks are fictional and were written for skillgraph. They are CC BY 4.0,
(c) the skillgraph contributors. Python 3 standard library only.

Every identifier is uuid5(NAMESPACE, a readable key such as "DAC/item/DAC.2.3"), and every
timestamp is fixed, so running this again gives byte-identical files.

The output follows the official CASE 1.1 CFPackage JSON Schema. That schema allows neither
CFDocumentURI on the items and associations of a package, nor CFPackageURI on its CFDocument
(additionalProperties: false), so those are left out here: inside a package, every item and
association belongs to the package's CFDocument.
"""

import json
import sys
import uuid
from pathlib import Path

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/skillgraph/samples/case")
OUT_DIR = Path(__file__).resolve().parent.parent


def uid(key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, key))


# --------------------------------------------------------------------------------------
# Data Analytics Certificate (Riverbend Community College, fictional)
# code, item type, abbreviated statement, full statement
# Parents come from the code: DAC.2.1.1 is a child of DAC.2.1, DAC.2 of the document.
# --------------------------------------------------------------------------------------

CERT = dict(
    prefix="DAC",
    base_uri="https://case.example.edu/uri/",
    when="2025-03-14T16:00:00Z",
    document=dict(
        creator="Riverbend Community College, Division of Business and Information Technology",
        title="Data Analytics Certificate",
        officialSourceURL="https://case.example.edu/programs/data-analytics-certificate",
        publisher="Riverbend Community College",
        description=(
            "Competencies for the 30-credit Data Analytics Certificate. Graduates prepare, "
            "analyze and visualize business data with spreadsheets, SQL, Python and a business "
            "intelligence tool, and communicate their findings to decision makers. The program "
            "was designed with regional employers so that the certificate can be aligned to "
            "entry-level data analyst job roles."
        ),
        version="2025.1",
        adoptionStatus="Adopted",
        statusStartDate="2025-01-15",
        notes="Fictional sample framework written for the skillgraph project; not a real program.",
    ),
    subject=dict(
        title="Data Analytics",
        hierarchyCode="30.7101",
        description="Data Analytics, General (CIP 2020 code 30.7101).",
    ),
    education_level=["PS"],
    item_types=[
        ("Competency Area", "1", "CompetencyArea",
         "A broad area of the program that groups related competencies; roughly one course "
         "or a pair of courses."),
        ("Competency", "2", "Competency",
         "A measurable outcome that a graduate of the program can demonstrate; assessed in "
         "one or more courses."),
        ("Sub-competency", "3", "SubCompetency",
         "A narrower, directly assessable part of a competency."),
    ],
    items=[
        ("DAC.1", "Competency Area", None, "Data Foundations and Spreadsheet Analysis"),
        ("DAC.1.1", "Competency", "Data analysis lifecycle",
         "Describe the stages of the data analysis lifecycle (ask, prepare, process, analyze, "
         "share, act) and explain how each stage supports an organizational decision."),
        ("DAC.1.2", "Competency", "Data types and sources",
         "Distinguish structured, semi-structured and unstructured data, and identify common "
         "data types, file formats (CSV, JSON, XLSX) and internal and external data sources."),
        ("DAC.1.3", "Competency", "Spreadsheet modeling",
         "Build spreadsheet models that use formulas, lookup functions, conditional logic and "
         "pivot tables to summarize business data."),
        ("DAC.1.3.1", "Sub-competency", "Lookup functions",
         "Combine records from multiple worksheets using XLOOKUP, VLOOKUP or INDEX-MATCH, and "
         "detect records that fail to match."),
        ("DAC.1.3.2", "Sub-competency", "Pivot tables",
         "Summarize transactional data with pivot tables and pivot charts, grouping by date, "
         "product category and region."),

        ("DAC.2", "Competency Area", None, "Data Preparation and SQL"),
        ("DAC.2.1", "Competency", "SQL querying",
         "Write SQL queries that select, filter, sort and aggregate data from a relational "
         "database using SELECT, WHERE, GROUP BY, HAVING and ORDER BY."),
        ("DAC.2.1.1", "Sub-competency", "SQL joins",
         "Combine tables with inner, left and full outer joins, and explain how each join "
         "treats rows that have no match."),
        ("DAC.2.1.2", "Sub-competency", "Advanced SQL",
         "Use subqueries, common table expressions and window functions to compute running "
         "totals, rankings and period-over-period changes."),
        ("DAC.2.2", "Competency", "Data quality assessment",
         "Assess data quality by profiling a dataset for missing values, duplicate records, "
         "outliers and inconsistent formats, and document the issues found."),
        ("DAC.2.3", "Competency", "Data cleaning and transformation",
         "Clean and transform raw datasets using spreadsheet functions and SQL to prepare them "
         "for analysis."),
        ("DAC.2.3.1", "Sub-competency", "Reproducible cleaning rules",
         "Standardize text, date and numeric fields, and resolve duplicate and missing records "
         "using documented, reproducible rules."),
        ("DAC.2.4", "Competency", "Relational database concepts",
         "Explain relational database concepts, including tables, primary and foreign keys, "
         "normalization and entity-relationship diagrams."),

        ("DAC.3", "Competency Area", None, "Statistical Analysis"),
        ("DAC.3.1", "Competency", "Descriptive statistics",
         "Calculate and interpret descriptive statistics (mean, median, standard deviation, "
         "percentiles) to summarize the distribution of a variable and spot unusual values."),
        ("DAC.3.2", "Competency", "Probability and sampling",
         "Apply basic probability concepts and sampling methods, and explain how sample size "
         "and sampling bias affect the conclusions that can be drawn from data."),
        ("DAC.3.3", "Competency", "Statistical inference",
         "Conduct and interpret hypothesis tests (t-test, chi-square test) and confidence "
         "intervals, stating their assumptions and limitations."),
        ("DAC.3.4", "Competency", "Linear regression",
         "Fit and interpret simple and multiple linear regression models to describe "
         "relationships between variables and to produce forecasts."),
        ("DAC.3.4.1", "Sub-competency", "Regression diagnostics",
         "Evaluate a regression model with residual plots, R-squared and error metrics, and "
         "explain why correlation does not establish causation."),

        ("DAC.4", "Competency Area", None, "Programming for Data Analysis"),
        ("DAC.4.1", "Competency", "Python scripting",
         "Write Python scripts that use variables, control flow, functions and data structures "
         "to automate repetitive data tasks."),
        ("DAC.4.2", "Competency", "Data wrangling with pandas",
         "Load, reshape, merge and aggregate tabular data in Python using the pandas library."),
        ("DAC.4.2.1", "Sub-competency", "Missing values and data types in pandas",
         "Handle missing values, data types and date-time fields in pandas DataFrames."),
        ("DAC.4.3", "Competency", "Reproducible analysis",
         "Use version control and computational notebooks to keep analyses reproducible, "
         "documented and shareable with colleagues."),

        ("DAC.5", "Competency Area", None, "Data Visualization and Communication"),
        ("DAC.5.1", "Competency", "Chart selection and design",
         "Select appropriate chart types for comparisons, trends, distributions and "
         "relationships, and apply design principles for clarity and accessibility."),
        ("DAC.5.2", "Competency", "Interactive dashboards",
         "Build interactive dashboards in a business intelligence tool such as Tableau or "
         "Power BI, using filters, calculated fields and drill-down views."),
        ("DAC.5.2.1", "Sub-competency", "Dashboard KPIs",
         "Define calculated fields and key performance indicators within a dashboard and "
         "validate them against the source data."),
        ("DAC.5.3", "Competency", "Presenting findings",
         "Present analytical findings in a written report and an oral presentation that state "
         "the question, method, evidence, limitations and recommendation."),

        ("DAC.6", "Competency Area", None, "Professional Practice"),
        ("DAC.6.1", "Competency", "Data ethics",
         "Apply ethical principles to data work, including informed consent, fairness to the "
         "people represented in the data, and transparency about methods and limitations."),
        ("DAC.6.2", "Competency", "Capstone project",
         "Complete a capstone project that takes a realistic business question from data "
         "acquisition through analysis to a recommendation presented to a panel of employers."),
    ],
    # Associations inside the framework besides isChildOf: (origin, type, destination)
    internal=[
        ("DAC.3.1", "precedes", "DAC.3.3"),
        ("DAC.4.1", "precedes", "DAC.4.2"),
        ("DAC.5.3", "precedes", "DAC.6.2"),
        ("DAC.2.3", "isPeerOf", "DAC.4.2.1"),
    ],
)


# --------------------------------------------------------------------------------------
# Data Analyst job role (Mid-Valley Employer Skills Consortium, fictional)
# --------------------------------------------------------------------------------------

JOB = dict(
    prefix="DA",
    base_uri="https://skills.example.org/uri/",
    when="2025-04-02T14:30:00Z",
    document=dict(
        creator="Mid-Valley Employer Skills Consortium",
        title="Data Analyst Job Role",
        officialSourceURL="https://skills.example.org/job-roles/data-analyst",
        publisher="Mid-Valley Employer Skills Consortium",
        description=(
            "The skills that consortium employers in healthcare, logistics, retail banking and "
            "manufacturing expect of an entry-level data analyst, agreed in employer working "
            "sessions. Skills are aligned to regional credentials so that candidates, colleges "
            "and hiring managers can see which skills a credential covers and which it does not."
        ),
        version="1.2",
        adoptionStatus="Adopted",
        statusStartDate="2025-04-01",
        notes="Fictional sample framework written for the skillgraph project; not a real "
              "employer consortium.",
    ),
    subject=dict(
        title="Data Analytics",
        hierarchyCode="15-2051",
        description="Occupational area. O*NET-SOC 15-2051.00 Data Scientists and 15-2051.01 "
                    "Business Intelligence Analysts both list Data Analyst as an alternate title.",
    ),
    education_level=["PS"],
    item_types=[
        ("Skill Area", "1", "SkillArea",
         "A group of related skills that employers use to describe part of a job role."),
        ("Skill", "2", "Skill",
         "A skill or work task that an employer expects a person in the job role to perform, "
         "stated so that it can be evidenced on the job or by a credential."),
    ],
    items=[
        ("DA.1", "Skill Area", None, "Data Acquisition and Preparation"),
        ("DA.1.1", "Skill", "Extract data with SQL",
         "Extract data from relational databases and data warehouses by writing SQL queries "
         "that join, filter and aggregate multiple tables."),
        ("DA.1.2", "Skill", "Clean and transform data",
         "Clean, validate and transform raw operational data so that it is accurate, "
         "consistent and ready for analysis."),
        ("DA.1.3", "Skill", "Monitor data quality",
         "Profile incoming data feeds, monitor them for missing values, duplicates and "
         "unexpected schema changes, and escalate problems to the data owners."),
        ("DA.1.4", "Skill", "Automate recurring data tasks",
         "Automate recurring data extraction and reporting tasks with Python scripts run on a "
         "schedule."),
        ("DA.1.5", "Skill", "Combine data sources in pandas",
         "Combine data from spreadsheets, CSV exports and database extracts into a single "
         "analysis-ready dataset using Python and pandas."),

        ("DA.2", "Skill Area", None, "Analysis and Modeling"),
        ("DA.2.1", "Skill", "Summarize business performance",
         "Summarize business performance with descriptive statistics, identifying trends, "
         "seasonality and anomalies in operational data."),
        ("DA.2.2", "Skill", "Spreadsheet models for managers",
         "Build spreadsheet models and pivot-table summaries that let managers explore sales, "
         "cost and inventory data on their own."),
        ("DA.2.3", "Skill", "Forecast demand",
         "Use regression and simple time-series methods to forecast demand, revenue or "
         "staffing needs, and state the uncertainty of each forecast."),
        ("DA.2.4", "Skill", "A/B testing",
         "Design, run and analyze A/B tests and other controlled experiments, including "
         "sample size calculation, randomization checks and interpretation of lift."),
        ("DA.2.5", "Skill", "Cohort and segment analysis",
         "Segment customers or transactions and run cohort analyses that compare retention, "
         "spending or other behavior across groups over time."),

        ("DA.3", "Skill Area", None, "Reporting and Visualization"),
        ("DA.3.1", "Skill", "Maintain KPI dashboards",
         "Build and maintain interactive dashboards in Power BI or Tableau that track the key "
         "performance indicators of a business unit."),
        ("DA.3.2", "Skill", "Visual design for non-technical audiences",
         "Choose chart types and visual designs that make comparisons and trends clear to "
         "non-technical audiences."),
        ("DA.3.3", "Skill", "Define and document KPIs",
         "Define key performance indicators with business owners, document their calculation "
         "rules, and keep the team's metric definitions consistent across reports."),
        ("DA.3.4", "Skill", "Present analysis results",
         "Present the results of an analysis in a written summary and a short presentation "
         "that lead with the recommendation and state the evidence and limitations behind it."),

        ("DA.4", "Skill Area", None, "Data Governance and Compliance"),
        ("DA.4.1", "Skill", "Comply with privacy regulations",
         "Handle personal and sensitive data in compliance with applicable privacy regulations "
         "such as HIPAA, GLBA and state consumer privacy laws, applying data minimization, "
         "de-identification and retention rules."),
        ("DA.4.2", "Skill", "Document analyses for audit",
         "Document data sources, transformations and metric definitions so that every "
         "published figure can be traced, audited and reproduced."),
        ("DA.4.3", "Skill", "Follow data governance policies",
         "Follow the organization's data governance policies, including data classification, "
         "access request procedures and data lineage records."),
        ("DA.4.4", "Skill", "Mitigate bias in analysis",
         "Recognize and mitigate bias and ethical risks in how data is collected, analyzed and "
         "used to make decisions about people."),

        ("DA.5", "Skill Area", None, "Business Partnership"),
        ("DA.5.1", "Skill", "Scope analysis requests",
         "Translate a stakeholder's business question into an analysis plan with a defined "
         "scope, data sources, success measures and delivery date."),
        ("DA.5.2", "Skill", "Communicate business metrics to stakeholders",
         "Explain movements in business metrics to stakeholders in recurring business reviews, "
         "identifying the drivers of each change and its impact in plain language."),
        ("DA.5.3", "Skill", "Apply business domain knowledge",
         "Interpret data in the context of core business functions such as sales, finance and "
         "operations, using their standard financial and operational measures."),
    ],
    internal=[
        ("DA.1.2", "precedes", "DA.2.1"),
        ("DA.3.3", "precedes", "DA.3.1"),
        ("DA.3.4", "isPeerOf", "DA.5.2"),
    ],
    alignment_grouping=dict(
        title="Alignment to Data Analytics Certificate 2025",
        description=(
            "Alignment of the Data Analyst job role to the Riverbend Community College Data "
            "Analytics Certificate (version 2025.1), reviewed by consortium employers and "
            "college faculty in March 2025. exactMatchOf: the certificate competency evidences "
            "the skill as stated. isRelatedTo: the competency covers part of the skill; the "
            "association's notes say what is missing."
        ),
    ),
    # Alignments to certificate items: (job-role code, type, certificate code, notes or None)
    alignments=[
        ("DA.1.1", "exactMatchOf", "DAC.2.1", None),
        ("DA.1.1", "isRelatedTo", "DAC.2.1.1",
         "Joining multiple tables is assessed separately in the certificate."),
        ("DA.1.2", "exactMatchOf", "DAC.2.3", None),
        ("DA.1.3", "isRelatedTo", "DAC.2.2",
         "The certificate assesses profiling a single dataset; it does not cover ongoing "
         "monitoring of data feeds or escalation to data owners."),
        ("DA.1.4", "isRelatedTo", "DAC.4.1",
         "The certificate covers Python scripting but not scheduling or operating recurring jobs."),
        ("DA.1.5", "exactMatchOf", "DAC.4.2", None),
        ("DA.2.1", "exactMatchOf", "DAC.3.1", None),
        ("DA.2.2", "exactMatchOf", "DAC.1.3", None),
        ("DA.2.3", "isRelatedTo", "DAC.3.4",
         "Regression forecasting is covered; time-series methods and forecast uncertainty are not."),
        ("DA.2.5", "isRelatedTo", "DAC.2.1.2",
         "Window functions support cohort calculations, but cohort and segment analysis "
         "is not taught as such."),
        ("DA.3.1", "exactMatchOf", "DAC.5.2", None),
        ("DA.3.2", "exactMatchOf", "DAC.5.1", None),
        ("DA.3.3", "isRelatedTo", "DAC.5.2.1",
         "The certificate covers building and validating KPI calculations, not agreeing "
         "definitions with business owners."),
        ("DA.3.4", "exactMatchOf", "DAC.5.3", None),
        ("DA.4.2", "isRelatedTo", "DAC.4.3",
         "Reproducible notebooks and version control cover part of audit documentation."),
        ("DA.4.4", "isRelatedTo", "DAC.6.1",
         "The certificate's data ethics competency includes fairness and transparency."),
        ("DA.5.1", "isRelatedTo", "DAC.1.1",
         "The 'ask' stage of the analysis lifecycle is taught; scoping real stakeholder "
         "requests is not assessed."),
    ],
)


# --------------------------------------------------------------------------------------
# Building a CFPackage
# --------------------------------------------------------------------------------------

CC_BY = dict(
    title="Creative Commons Attribution 4.0 International (CC BY 4.0)",
    description="Share and adapt with attribution. "
                "https://creativecommons.org/licenses/by/4.0/",
    licenseText=(
        "Copyright (c) 2025 the skillgraph contributors. This competency framework is licensed "
        "under the Creative Commons Attribution 4.0 International License (CC BY 4.0). You may "
        "copy and redistribute it in any medium or format and remix, transform and build upon it "
        "for any purpose, even commercially, provided that you give appropriate credit, provide a "
        "link to the license and indicate if changes were made. The full legal code is at "
        "https://creativecommons.org/licenses/by/4.0/legalcode"
    ),
)


def parent_code(code: str):
    parts = code.split(".")
    return ".".join(parts[:-1]) if len(parts) > 2 else None


class Package:
    def __init__(self, spec: dict):
        self.spec = spec
        self.p = spec["prefix"]
        self.when = spec["when"]
        self.items_by_code = {}

    def ident(self, kind: str, key: str = "") -> str:
        return uid(f"{self.p}/{kind}/{key}")

    def uri(self, identifier: str) -> str:
        return self.spec["base_uri"] + identifier

    def link(self, identifier: str, title: str) -> dict:
        return {"title": title, "identifier": identifier, "uri": self.uri(identifier)}

    def build(self, cert=None) -> dict:
        s = self.spec
        doc_id = self.ident("document")
        doc_title = s["document"]["title"]
        self.doc_link = self.link(doc_id, doc_title)

        subj_id = self.ident("subject", s["subject"]["title"])
        lic_id = self.ident("license", "CC-BY-4.0")
        type_ids = {t[0]: self.ident("itemType", t[0]) for t in s["item_types"]}

        d = s["document"]
        document = {
            "identifier": doc_id,
            "uri": self.uri(doc_id),
            "caseVersion": "1.1",
            "creator": d["creator"],
            "title": doc_title,
            "lastChangeDateTime": self.when,
            "officialSourceURL": d["officialSourceURL"],
            "publisher": d["publisher"],
            "description": d["description"],
            "subject": [s["subject"]["title"]],
            "subjectURI": [self.link(subj_id, s["subject"]["title"])],
            "language": "en",
            "version": d["version"],
            "adoptionStatus": d["adoptionStatus"],
            "statusStartDate": d["statusStartDate"],
            "licenseURI": self.link(lic_id, CC_BY["title"]),
            "notes": d["notes"],
        }

        items = []
        for code, itype, abbrev, statement in s["items"]:
            iid = self.ident("item", code)
            item = {
                "identifier": iid,
                "uri": self.uri(iid),
                "fullStatement": statement,
            }
            if abbrev:
                item["abbreviatedStatement"] = abbrev
            item.update({
                "CFItemType": itype,
                "CFItemTypeURI": self.link(type_ids[itype], itype),
                "humanCodingScheme": code,
                "listEnumeration": code.split(".")[-1],
                "language": "en",
                "educationLevel": list(s["education_level"]),
                "lastChangeDateTime": self.when,
            })
            items.append(item)
            self.items_by_code[code] = item

        assocs = []

        def node(code):
            it = self.items_by_code[code]
            return {"title": it["fullStatement"], "identifier": it["identifier"], "uri": it["uri"]}

        def assoc(key, atype, origin, dest, seq=None, grouping=None, notes=None):
            aid = self.ident("association", key)
            a = {"identifier": aid, "associationType": atype}
            if seq is not None:
                a["sequenceNumber"] = seq
            a.update({"uri": self.uri(aid), "originNodeURI": origin, "destinationNodeURI": dest})
            if grouping is not None:
                a["CFAssociationGroupingURI"] = grouping
            a["lastChangeDateTime"] = self.when
            if notes:
                a["notes"] = notes
            assocs.append(a)

        for code, *_ in s["items"]:
            parent = parent_code(code)
            dest = node(parent) if parent else dict(self.doc_link)
            assoc(f"isChildOf/{code}", "isChildOf", node(code), dest,
                  seq=int(code.split(".")[-1]))
        for origin, atype, dest in s["internal"]:
            assoc(f"{atype}/{origin}/{dest}", atype, node(origin), node(dest))

        groupings = []
        if "alignments" in s:
            g = s["alignment_grouping"]
            gid = self.ident("associationGrouping", g["title"])
            groupings.append({
                "identifier": gid,
                "uri": self.uri(gid),
                "title": g["title"],
                "description": g["description"],
                "lastChangeDateTime": self.when,
            })
            glink = self.link(gid, g["title"])
            for origin, atype, dest, notes in s["alignments"]:
                target = cert.items_by_code[dest]
                dnode = {"title": target["fullStatement"], "identifier": target["identifier"],
                         "uri": target["uri"], "targetType": "CASE"}
                assoc(f"{atype}/{origin}/{dest}", atype, node(origin), dnode,
                      grouping=dict(glink), notes=notes)

        definitions = {
            "CFSubjects": [{
                "identifier": subj_id,
                "uri": self.uri(subj_id),
                "title": s["subject"]["title"],
                "hierarchyCode": s["subject"]["hierarchyCode"],
                "description": s["subject"]["description"],
                "lastChangeDateTime": self.when,
            }],
            "CFLicenses": [{
                "identifier": lic_id,
                "uri": self.uri(lic_id),
                "title": CC_BY["title"],
                "description": CC_BY["description"],
                "licenseText": CC_BY["licenseText"],
                "lastChangeDateTime": self.when,
            }],
            "CFItemTypes": [{
                "identifier": type_ids[title],
                "uri": self.uri(type_ids[title]),
                "title": title,
                "description": desc,
                "hierarchyCode": hcode,
                "typeCode": tcode,
                "lastChangeDateTime": self.when,
            } for title, hcode, tcode, desc in s["item_types"]],
        }
        if groupings:
            definitions["CFAssociationGroupings"] = groupings

        return {
            "CFDocument": document,
            "CFItems": items,
            "CFAssociations": assocs,
            "CFDefinitions": definitions,
        }


def structural_check(pkg: dict, foreign_ok: bool) -> list:
    """Checks the JSON Schema cannot express: unique ids, one isChildOf per item to a known
    parent, link titles that match their targets, contiguous sequence numbers."""
    errors = []
    doc = pkg["CFDocument"]
    items = {i["identifier"]: i for i in pkg["CFItems"]}
    types = {t["identifier"]: t for t in pkg["CFDefinitions"]["CFItemTypes"]}
    ids = [doc["identifier"]] + list(items) + [a["identifier"] for a in pkg["CFAssociations"]]
    for defs in pkg["CFDefinitions"].values():
        ids += [d["identifier"] for d in defs]
    if len(ids) != len(set(ids)):
        errors.append("duplicate identifiers")
    for i in items.values():
        t = types.get(i["CFItemTypeURI"]["identifier"])
        if t is None or t["title"] != i["CFItemType"] or i["CFItemTypeURI"]["title"] != t["title"]:
            errors.append(f"{i['humanCodingScheme']}: CFItemTypeURI does not match CFItemTypes")
    children = {}
    siblings = {}
    for a in pkg["CFAssociations"]:
        o, d = a["originNodeURI"], a["destinationNodeURI"]
        for end in (o, d):
            if end["identifier"] == doc["identifier"]:
                ok = end["title"] == doc["title"] and end["uri"] == doc["uri"]
            elif end["identifier"] in items:
                it = items[end["identifier"]]
                ok = end["title"] == it["fullStatement"] and end["uri"] == it["uri"]
            else:
                ok = foreign_ok and end is d and a["associationType"] in ("exactMatchOf", "isRelatedTo")
            if not ok:
                errors.append(f"association {a['identifier']}: bad node {end['identifier']}")
        if a["associationType"] == "isChildOf":
            children.setdefault(o["identifier"], []).append(d["identifier"])
            siblings.setdefault(d["identifier"], []).append(a["sequenceNumber"])
    for iid, i in items.items():
        if len(children.get(iid, [])) != 1:
            errors.append(f"{i['humanCodingScheme']}: needs exactly one isChildOf")
    for parent, seqs in siblings.items():
        if sorted(seqs) != list(range(1, len(seqs) + 1)):
            errors.append(f"children of {parent}: sequenceNumbers {sorted(seqs)}")
    return errors


def render(pkg: dict) -> str:
    return json.dumps(pkg, indent=2, ensure_ascii=False) + "\n"


def main(argv):
    check = "--check" in argv
    cert = Package(CERT)
    job = Package(JOB)
    cert_pkg = cert.build()
    job_pkg = job.build(cert)
    errors = structural_check(cert_pkg, False) + structural_check(job_pkg, True)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    outputs = {
        "data-analytics-certificate.json": render(cert_pkg),
        "data-analyst-job-role.json": render(job_pkg),
    }
    stale = []
    for name, text in outputs.items():
        path = OUT_DIR / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}")
    if stale:
        print("out of date (run data/src/make_samples.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
