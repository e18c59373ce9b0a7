package org.skillgraph.reference.esco;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of the ESCO CSV download, recognised by its name (ESCO's names, with or without the
 * language and version suffixes: {@code skills_en.csv}, {@code occupations_en_v1.2.csv},
 * {@code skills_labels_en.csv}). The kinds are listed in the order they are loaded.
 */
record EscoFile(Path path, Kind kind, String stem, String language, String version) {
    enum Kind {
        CONCEPT_SCHEMES("conceptSchemes"),
        ISCO_GROUPS("ISCOGroups"),
        OCCUPATIONS("occupations"),
        SKILL_GROUPS("skillGroups"),
        SKILLS("skills"),
        SKILLS_HIERARCHY("skillsHierarchy"),
        BROADER_OCCUPATIONS("broaderRelationsOccPillar"),
        BROADER_SKILLS("broaderRelationsSkillPillar"),
        OCCUPATION_SKILLS("occupationSkillRelations"),
        SKILL_SKILLS("skillSkillRelations"),
        COLLECTION("*Collection");

        /** ESCO's file name stem, for notes. */
        final String esco;

        Kind(String esco) { this.esco = esco; }
    }

    private static final Pattern LANG = Pattern.compile("(?:^|_)([a-z]{2})(?=_|$)");
    private static final Pattern VERSION = Pattern.compile("(?i)(?:^|[_-])v(\\d+(?:\\.\\d+)+)");

    /** The ESCO file a path is, or null when the name is not one of ESCO's CSV files. */
    static EscoFile of(Path path) {
        String name = path.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) return null;
        String stem = name.substring(0, name.length() - 4);
        String n = CsvTable.norm(stem);
        Kind kind;
        if (n.contains("collection")) kind = Kind.COLLECTION;
        else if (n.startsWith("conceptscheme")) kind = Kind.CONCEPT_SCHEMES;
        else if (n.startsWith("iscogroup")) kind = Kind.ISCO_GROUPS;
        else if (n.startsWith("broaderrelationsocc")) kind = Kind.BROADER_OCCUPATIONS;
        else if (n.startsWith("broaderrelationsskill")) kind = Kind.BROADER_SKILLS;
        else if (n.startsWith("occupationskillrelation")) kind = Kind.OCCUPATION_SKILLS;
        else if (n.startsWith("skillskillrelation")) kind = Kind.SKILL_SKILLS;
        else if (n.startsWith("skillshierarchy") || n.startsWith("skillhierarchy")) kind = Kind.SKILLS_HIERARCHY;
        else if (n.startsWith("skillgroup")) kind = Kind.SKILL_GROUPS;
        else if (n.startsWith("occupation")) kind = Kind.OCCUPATIONS;
        else if (n.startsWith("skill")) kind = Kind.SKILLS;
        else return null;
        Matcher l = LANG.matcher(stem);
        String lang = l.find() ? l.group(1) : null;
        Matcher v = VERSION.matcher(stem);
        String version = v.find() ? v.group(1) : null;
        return new EscoFile(path, kind, stem, lang, version);
    }

    String name() { return path.getFileName().toString(); }

    /** The collection a {@code *Collection_*.csv} file builds: {@code transversal-skills}, ... */
    String collectionName() {
        String base = stem.replaceAll("(?i)_[a-z]{2}(_v[\\d.]+)?$", "").replaceAll("(?i)_v[\\d.]+$", "");
        for (var e : EscoSchemes.COLLECTIONS.entrySet())
            if (e.getValue().equalsIgnoreCase(base)) return e.getKey();
        String b = base.replaceAll("(?i)collection", "");
        return b.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT)
                .replaceAll("^-|-$", "");
    }
}
