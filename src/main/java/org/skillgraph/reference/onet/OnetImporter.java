package org.skillgraph.reference.onet;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.skillgraph.error.InputRejectedException;
import org.skillgraph.reference.onet.OnetIris.Scheme;
import org.skillgraph.store.Registry;
import org.skillgraph.vocab.SG;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads an O*NET database text release (the tab-delimited files as published) into one graph
 * and stores it as the reference graph {@link OnetIris#GRAPH}. Each file is streamed line by
 * line into an in-memory graph; the store is written once, in one transaction, only after every
 * file has been read, so a malformed file leaves the store unchanged. See {@code package-info}
 * for the model. Not thread-safe: one importer per import.
 */
public final class OnetImporter {
    /** The one file without which a folder is not an O*NET release. */
    public static final String OCCUPATION_DATA = "Occupation Data.txt";
    public static final String README = "Read Me.txt";
    public static final String CONTENT_MODEL = "Content Model Reference.txt";
    public static final String SCALES = "Scales Reference.txt";
    public static final String IWA_REFERENCE = "IWA Reference.txt";
    public static final String DWA_REFERENCE = "DWA Reference.txt";
    public static final String JOB_ZONES = "Job Zones.txt";
    public static final String ALTERNATE_TITLES = "Alternate Titles.txt";
    public static final String REPORTED_TITLES = "Sample of Reported Titles.txt";
    public static final String RELATED = "Related Occupations.txt";
    public static final String TASKS = "Task Statements.txt";
    public static final String TASKS_TO_DWAS = "Tasks to DWAs.txt";
    public static final String TECHNOLOGY = "Technology Skills.txt";
    public static final String TOOLS = "Tools Used.txt";
    public static final String TASK_RATINGS = "Task Ratings.txt";
    /** Files of ratings on content-model elements, in reading order. */
    public static final List<String> RATING_FILES = List.of(
            "Abilities.txt", "Skills.txt", "Knowledge.txt", "Work Activities.txt", "Work Context.txt",
            "Work Styles.txt", "Work Values.txt", "Interests.txt", "Education, Training, and Experience.txt");

    /** Every file the importer reads, in reading order. */
    public static final List<String> FILES;
    static {
        List<String> f = new ArrayList<>(List.of(OCCUPATION_DATA, CONTENT_MODEL, SCALES, IWA_REFERENCE, DWA_REFERENCE,
                JOB_ZONES, ALTERNATE_TITLES, REPORTED_TITLES, RELATED, TASKS, TASKS_TO_DWAS, TECHNOLOGY, TOOLS));
        f.addAll(RATING_FILES);
        f.add(TASK_RATINGS);
        FILES = List.copyOf(f);
    }

    // Column names as published.
    private static final String SOC = "O*NET-SOC Code", TITLE = "Title", DESCRIPTION = "Description";
    private static final String ELEMENT_ID = "Element ID", ELEMENT_NAME = "Element Name";
    private static final String SCALE_ID = "Scale ID", SCALE_NAME = "Scale Name";
    private static final String IWA_ID = "IWA ID", IWA_TITLE = "IWA Title", DWA_ID = "DWA ID", DWA_TITLE = "DWA Title";
    private static final String TASK_ID = "Task ID", TASK = "Task", DATE = "Date", DOMAIN_SOURCE = "Domain Source";
    private static final String EXAMPLE = "Example", COMMODITY_CODE = "Commodity Code", COMMODITY_TITLE = "Commodity Title";
    private static final String CATEGORY = "Category", DATA_VALUE = "Data Value", N = "N", SE = "Standard Error";
    private static final String LOWER = "Lower CI Bound", UPPER = "Upper CI Bound";
    private static final String SUPPRESS = "Recommend Suppress", NOT_RELEVANT = "Not Relevant";

    private static final Pattern SOC_CODE = Pattern.compile("\\d{2}-\\d{4}\\.\\d{2}");
    private static final Pattern OUTLINE_ID = Pattern.compile("[0-9A-Za-z]+(\\.[0-9A-Za-z]+)*");
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern SCALE_CODE = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern README_VERSION = Pattern.compile("O\\*NET\\s+(\\S+)\\s+Database");
    private static final Pattern FOLDER_VERSION = Pattern.compile("(\\d+(\\.\\d+)+)");

    private final Graph g = GraphFactory.createGraphMem();
    private final List<String> notes = new ArrayList<>();
    private final EnumSet<Scheme> schemes = EnumSet.noneOf(Scheme.class);
    private final Map<String, Node> occupations = new HashMap<>();
    private final Map<String, Node> elements = new LinkedHashMap<>();
    private final Map<String, Node> scales = new HashMap<>();
    private final Map<String, Node> iwas = new HashMap<>();
    private final Map<String, Node> dwas = new HashMap<>();
    private final Map<String, Node> tasks = new HashMap<>();
    private final Map<String, Node> commodities = new HashMap<>();
    /** Occupations, elements, ... named in files but not defined by their reference file. */
    private final Map<String, Node> referenced = new HashMap<>();
    private final Map<String, Node> strings = new HashMap<>(), literals = new HashMap<>();
    /** Files looked for (read or reported missing), and files read. */
    private final Set<String> attempted = new HashSet<>(), loaded = new HashSet<>();
    private final Node booleanTrue = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);
    private final Node booleanFalse = NodeFactory.createLiteralDT("false", XSDDatatype.XSDboolean);
    private long taskDwaLinks, jobZones, alternateTitles, reportedTitles, related, technologySkills, toolsUsed, ratings;
    private boolean used;

    /** Reads the release in {@code dir} and stores it in {@code registry}, replacing the stored release. */
    public static OnetResult importInto(Registry registry, Path dir, String versionOption, LongConsumer progress) {
        OnetResult r = new OnetImporter().read(dir, versionOption);
        long n = registry.importReference(OnetIris.GRAPH, r.graph(), r.title(), r.version(), OnetIris.LICENSE,
                r.attribution(), dir.toAbsolutePath().normalize().toUri().toString(), progress);
        return r.withStored(n);
    }

    /**
     * Reads the release in {@code dir} into a graph. The version comes from {@code Read Me.txt},
     * else {@code versionOption}, else the folder name. Missing optional files are skipped with a
     * note; a malformed file is an {@link InputRejectedException}.
     */
    public OnetResult read(Path dir, String versionOption) {
        if (used) throw new IllegalStateException("an OnetImporter reads one release");
        used = true;
        if (!Files.isDirectory(dir)) throw new InputRejectedException(dir.toString(), null, "not a folder");
        if (!Files.isRegularFile(dir.resolve(OCCUPATION_DATA)))
            throw new InputRejectedException(dir.toString(), null,
                    "no '" + OCCUPATION_DATA + "': not an O*NET database text release");
        String version = version(dir, versionOption);
        String title = "O*NET " + version + " Database";
        String attribution = attribution(version);

        readOccupations(file(dir, OCCUPATION_DATA));
        loaded.add(OCCUPATION_DATA);
        ifPresent(dir, CONTENT_MODEL, this::readContentModel);
        ifPresent(dir, SCALES, this::readScales);
        ifPresent(dir, IWA_REFERENCE, this::readIwas);
        ifPresent(dir, DWA_REFERENCE, this::readDwas);
        ifPresent(dir, JOB_ZONES, this::readJobZones);
        ifPresent(dir, ALTERNATE_TITLES, this::readAlternateTitles);
        ifPresent(dir, REPORTED_TITLES, this::readReportedTitles);
        ifPresent(dir, RELATED, this::readRelated);
        ifPresent(dir, TASKS, this::readTasks);
        ifPresent(dir, TASKS_TO_DWAS, this::readTasksToDwas);
        ifPresent(dir, TECHNOLOGY, this::readTechnology);
        ifPresent(dir, TOOLS, this::readTools);
        for (String f : RATING_FILES) ifPresent(dir, f, this::readElementRatings);
        ifPresent(dir, TASK_RATINGS, this::readTaskRatings);
        noteIgnored(dir);

        for (Scheme s : schemes) describeScheme(s, version, attribution);
        OnetIris.describeVocabulary(g);
        OnetCounts counts = new OnetCounts(occupations.size(), elements.size(), scales.size(), iwas.size(), dwas.size(),
                tasks.size(), taskDwaLinks, jobZones, alternateTitles, reportedTitles, related, technologySkills,
                toolsUsed, commodities.size(), ratings, g.size());
        return new OnetResult(version, title, attribution, g, counts, List.copyOf(notes), -1);
    }

    /** The attribution O*NET asks for when its database is modified (https://www.onetcenter.org/license_db.html). */
    public static String attribution(String version) {
        return "This page includes information from the O*NET " + version + " Database by the U.S. Department of "
                + "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
                + "O*NET\u00ae is a trademark of USDOL/ETA. skillgraph has modified all or some of this information "
                + "(converted to RDF). USDOL/ETA has not approved, endorsed, or tested these modifications.";
    }

    // ---------------------------------------------------------------- files

    private interface Reader { void read(Path file); }

    private void ifPresent(Path dir, String name, Reader reader) {
        Path f = file(dir, name);
        if (Files.isRegularFile(f)) {
            reader.read(f);
            loaded.add(name);
        } else {
            notes.add(name + " not found: skipped");
        }
    }

    private Path file(Path dir, String name) {
        attempted.add(name);
        return dir.resolve(name);
    }

    private void noteIgnored(Path dir) {
        Set<String> ignored = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".txt") && !attempted.contains(n) && !n.equals(README))
                    .forEach(ignored::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ignored.isEmpty()) notes.add("not imported (no mapping yet): " + String.join(", ", ignored));
    }

    private String version(Path dir, String option) {
        Path readme = dir.resolve(README);
        String fromReadme = null;
        if (Files.isRegularFile(readme)) {
            try (Stream<String> lines = Files.lines(readme)) {
                fromReadme = lines.map(README_VERSION::matcher).filter(Matcher::find).map(m -> m.group(1))
                        .findFirst().orElse(null);
            } catch (IOException | UncheckedIOException e) {
                throw new InputRejectedException(README, null, "cannot read: " + e.getMessage(), e);
            }
        }
        if (fromReadme != null) {
            if (option != null && !option.equals(fromReadme))
                notes.add("--version " + option + " ignored: " + README + " says " + fromReadme);
            return fromReadme;
        }
        if (option != null) {
            notes.add("no version in " + README + ": using --version " + option);
            return option;
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String folder = name == null ? "unknown" : name.toString();
        Matcher m = FOLDER_VERSION.matcher(folder);
        String v = m.find() ? m.group(1) : folder;
        notes.add("no version in " + README + " and no --version: using '" + v + "' from the folder name");
        return v;
    }

    private static Set<String> cols(String... names) { return new LinkedHashSet<>(List.of(names)); }

    private void readOccupations(Path file) {
        try (TsvFile f = new TsvFile(file, cols(SOC, TITLE, DESCRIPTION), cols())) {
            int soc = f.column(SOC), title = f.column(TITLE), desc = f.column(DESCRIPTION);
            while (f.next()) {
                String code = f.id(soc, SOC, SOC_CODE);
                if (occupations.containsKey(code)) throw f.reject("O*NET-SOC Code " + code + " appears twice");
                Node o = OnetIris.occupation(code);
                occupations.put(code, o);
                concept(o, OnetIris.Occupation, Scheme.OCCUPATIONS, code, f.required(title, TITLE));
                definition(o, f.optional(desc));
            }
        }
    }

    private void readContentModel(Path file) {
        try (TsvFile f = new TsvFile(file, cols(ELEMENT_ID, ELEMENT_NAME, DESCRIPTION), cols())) {
            int id = f.column(ELEMENT_ID), name = f.column(ELEMENT_NAME), desc = f.column(DESCRIPTION);
            while (f.next()) {
                String e = f.id(id, ELEMENT_ID, OUTLINE_ID);
                if (elements.containsKey(e)) throw f.reject("Element ID " + e + " appears twice");
                Node n = OnetIris.element(e);
                elements.put(e, n);
                concept(n, OnetIris.Element, Scheme.ELEMENTS, e, f.required(name, ELEMENT_NAME));
                definition(n, f.optional(desc));
            }
        }
        // The outline position is the hierarchy: 2.A.1.a is under 2.A.1, under 2.A, under 2.
        Node scheme = Scheme.ELEMENTS.node();
        for (Map.Entry<String, Node> e : elements.entrySet()) {
            String parent = e.getKey();
            Node broader = null;
            while (broader == null && parent.lastIndexOf('.') > 0) {
                parent = parent.substring(0, parent.lastIndexOf('.'));
                broader = elements.get(parent);
            }
            if (broader != null) {
                add(e.getValue(), SG.skosBroader, broader);
            } else {
                add(e.getValue(), SG.skosTopConceptOf, scheme);
                add(scheme, OnetIris.skosHasTopConcept, e.getValue());
            }
        }
    }

    private void readScales(Path file) {
        try (TsvFile f = new TsvFile(file, cols("Scale ID", "Scale Name", "Minimum", "Maximum"), cols())) {
            int id = f.column(SCALE_ID), name = f.column(SCALE_NAME), min = f.column("Minimum"), max = f.column("Maximum");
            while (f.next()) {
                String s = f.id(id, SCALE_ID, SCALE_CODE);
                if (scales.containsKey(s)) throw f.reject("Scale ID " + s + " appears twice");
                Node n = OnetIris.scale(s);
                scales.put(s, n);
                concept(n, OnetIris.Scale, Scheme.SCALES, s, f.required(name, SCALE_NAME));
                add(n, OnetIris.minimum, integer(f.integer(min, "Minimum", true)));
                add(n, OnetIris.maximum, integer(f.integer(max, "Maximum", true)));
            }
        }
    }

    private void readIwas(Path file) {
        try (TsvFile f = new TsvFile(file, cols(ELEMENT_ID, IWA_ID, IWA_TITLE), cols(ELEMENT_NAME))) {
            int el = f.column(ELEMENT_ID), id = f.column(IWA_ID), title = f.column(IWA_TITLE);
            Refs refs = new Refs(f);
            while (f.next()) {
                String i = f.id(id, IWA_ID, OUTLINE_ID);
                if (iwas.containsKey(i)) throw f.reject("IWA ID " + i + " appears twice");
                iwa(i, f.required(title, IWA_TITLE), refs.element(f.id(el, ELEMENT_ID, OUTLINE_ID)));
            }
            refs.note();
        }
    }

    private void iwa(String id, String title, Node element) {
        Node n = OnetIris.iwa(id);
        iwas.put(id, n);
        concept(n, OnetIris.IntermediateWorkActivity, Scheme.IWAS, id, title);
        add(n, SG.skosBroader, element);
        add(n, SG.skosTopConceptOf, Scheme.IWAS.node());
        add(Scheme.IWAS.node(), OnetIris.skosHasTopConcept, n);
    }

    private void readDwas(Path file) {
        try (TsvFile f = new TsvFile(file, cols(ELEMENT_ID, IWA_ID, DWA_ID, DWA_TITLE), cols(ELEMENT_NAME, IWA_TITLE))) {
            int el = f.column(ELEMENT_ID), iwa = f.column(IWA_ID), iwaTitle = f.column(IWA_TITLE);
            int id = f.column(DWA_ID), title = f.column(DWA_TITLE);
            Refs refs = new Refs(f);
            while (f.next()) {
                String d = f.id(id, DWA_ID, OUTLINE_ID);
                if (dwas.containsKey(d)) throw f.reject("DWA ID " + d + " appears twice");
                String i = f.id(iwa, IWA_ID, OUTLINE_ID);
                Node element = refs.element(f.id(el, ELEMENT_ID, OUTLINE_ID));
                // Without IWA Reference.txt the IWAs come from here.
                if (!loaded.contains(IWA_REFERENCE) && !iwas.containsKey(i) && f.optional(iwaTitle) != null)
                    iwa(i, f.optional(iwaTitle), element);
                Node n = OnetIris.dwa(d);
                dwas.put(d, n);
                concept(n, OnetIris.DetailedWorkActivity, Scheme.DWAS, d, f.required(title, DWA_TITLE));
                add(n, SG.skosBroader, refs.iwa(i));
            }
            refs.note();
        }
    }

    private void readJobZones(Path file) {
        try (TsvFile f = new TsvFile(file, cols(SOC, "Job Zone"), cols(TITLE, DATE, DOMAIN_SOURCE))) {
            int soc = f.column(SOC), zone = f.column("Job Zone");
            Refs refs = new Refs(f);
            Set<String> seen = new HashSet<>();
            while (f.next()) {
                String code = f.id(soc, SOC, SOC_CODE);
                if (!seen.add(code)) throw f.reject("O*NET-SOC Code " + code + " has two job zones");
                add(refs.occupation(code), OnetIris.jobZone, integer(f.integer(zone, "Job Zone", true)));
                jobZones++;
            }
            refs.note();
        }
    }

    private void readAlternateTitles(Path file) {
        try (TsvFile f = new TsvFile(file, cols(SOC, "Alternate Title"), cols(TITLE, "Short Title", "Source(s)"))) {
            int soc = f.column(SOC), alt = f.column("Alternate Title"), shortTitle = f.column("Short Title");
            Refs refs = new Refs(f);
            while (f.next()) {
                Node o = refs.occupation(f.id(soc, SOC, SOC_CODE));
                add(o, OnetIris.skosAltLabel, en(f.required(alt, "Alternate Title")));
                String s = f.optional(shortTitle);
                if (s != null) add(o, OnetIris.skosAltLabel, en(s));
                alternateTitles++;
            }
            refs.note();
        }
    }

    private void readReportedTitles(Path file) {
        try (TsvFile f = new TsvFile(file, cols(SOC, "Reported Job Title"), cols(TITLE, "Shown in My Next Move"))) {
            int soc = f.column(SOC), title = f.column("Reported Job Title");
            Refs refs = new Refs(f);
            while (f.next()) {
                add(refs.occupation(f.id(soc, SOC, SOC_CODE)), OnetIris.skosAltLabel, en(f.required(title, "Reported Job Title")));
                reportedTitles++;
            }
            refs.note();
        }
    }

    private void readRelated(Path file) {
        String other = "Related O*NET-SOC Code";
        try (TsvFile f = new TsvFile(file, cols(SOC, other), cols(TITLE, "Related Title", "Relatedness Tier", "Index"))) {
            int soc = f.column(SOC), rel = f.column(other), tier = f.column("Relatedness Tier"), index = f.column("Index");
            Refs refs = new Refs(f);
            while (f.next()) {
                String a = f.id(soc, SOC, SOC_CODE), b = f.id(rel, other, SOC_CODE);
                Node oa = refs.occupation(a), ob = refs.occupation(b);
                add(oa, OnetIris.skosRelated, ob);
                Node r = OnetIris.related(a, b);
                add(r, SG.rdfType, OnetIris.RelatedOccupation);
                add(r, OnetIris.occupation, oa);
                add(r, OnetIris.relatedOccupation, ob);
                String t = f.optional(tier);
                if (t != null) add(r, OnetIris.relatednessTier, str(t));
                String i = f.integer(index, "Index", false);
                if (i != null) add(r, OnetIris.relatednessIndex, integer(i));
                related++;
            }
            refs.note();
        }
    }

    private void readTasks(Path file) {
        try (TsvFile f = new TsvFile(file, cols(SOC, TASK_ID, TASK),
                cols(TITLE, "Task Type", "Incumbents Responding", DATE, DOMAIN_SOURCE))) {
            int soc = f.column(SOC), id = f.column(TASK_ID), text = f.column(TASK), type = f.column("Task Type");
            int incumbents = f.column("Incumbents Responding"), date = f.column(DATE), source = f.column(DOMAIN_SOURCE);
            Refs refs = new Refs(f);
            while (f.next()) {
                Node o = refs.occupation(f.id(soc, SOC, SOC_CODE));
                String t = f.integer(id, TASK_ID, true);
                if (tasks.containsKey(t)) throw f.reject("Task ID " + t + " appears twice");
                Node n = OnetIris.task(t);
                tasks.put(t, n);
                concept(n, OnetIris.Task, Scheme.TASKS, t, f.required(text, TASK));
                add(n, OnetIris.occupation, o);
                add(o, OnetIris.hasTask, n);
                String ty = f.optional(type);
                if (ty != null) add(n, OnetIris.taskType, str(ty));
                String inc = f.decimal(incumbents, "Incumbents Responding", false);
                if (inc != null) add(n, OnetIris.incumbentsResponding, decimal(inc));
                dateAndSource(f, n, date, source);
            }
            refs.note();
        }
    }

    private void readTasksToDwas(Path file) {
        try (TsvFile f = new TsvFile(file, cols(SOC, TASK_ID, DWA_ID), cols(TITLE, TASK, DWA_TITLE, DATE, DOMAIN_SOURCE))) {
            int soc = f.column(SOC), id = f.column(TASK_ID), dwa = f.column(DWA_ID);
            Refs refs = new Refs(f);
            while (f.next()) {
                refs.occupation(f.id(soc, SOC, SOC_CODE));
                add(refs.task(f.integer(id, TASK_ID, true)), OnetIris.dwa, refs.dwa(f.id(dwa, DWA_ID, OUTLINE_ID)));
                taskDwaLinks++;
            }
            refs.note();
        }
    }

    private void readTechnology(Path file) {
        try (TsvFile f = new TsvFile(file, cols(SOC, EXAMPLE, COMMODITY_CODE),
                cols(TITLE, COMMODITY_TITLE, "Hot Technology", "In Demand"))) {
            int soc = f.column(SOC), ex = f.column(EXAMPLE), code = f.column(COMMODITY_CODE), title = f.column(COMMODITY_TITLE);
            int hot = f.column("Hot Technology"), demand = f.column("In Demand");
            Refs refs = new Refs(f);
            while (f.next()) {
                String s = f.id(soc, SOC, SOC_CODE), e = f.required(ex, EXAMPLE), c = f.id(code, COMMODITY_CODE, DIGITS);
                Node o = refs.occupation(s), com = commodity(c, f.optional(title));
                Node n = OnetIris.technologySkill(s, c, e);
                add(n, SG.rdfType, OnetIris.TechnologySkill);
                add(n, OnetIris.occupation, o);
                add(n, OnetIris.commodity, com);
                add(n, OnetIris.example, str(e));
                flag(n, OnetIris.hotTechnology, f.flag(hot, "Hot Technology"));
                flag(n, OnetIris.inDemand, f.flag(demand, "In Demand"));
                add(o, OnetIris.usesTechnology, com);
                technologySkills++;
            }
            refs.note();
        }
    }

    private void readTools(Path file) {
        try (TsvFile f = new TsvFile(file, cols(SOC, EXAMPLE, COMMODITY_CODE), cols(TITLE, COMMODITY_TITLE))) {
            int soc = f.column(SOC), ex = f.column(EXAMPLE), code = f.column(COMMODITY_CODE), title = f.column(COMMODITY_TITLE);
            Refs refs = new Refs(f);
            while (f.next()) {
                String s = f.id(soc, SOC, SOC_CODE), e = f.required(ex, EXAMPLE), c = f.id(code, COMMODITY_CODE, DIGITS);
                Node o = refs.occupation(s), com = commodity(c, f.optional(title));
                Node n = OnetIris.tool(s, c, e);
                add(n, SG.rdfType, OnetIris.ToolUsed);
                add(n, OnetIris.occupation, o);
                add(n, OnetIris.commodity, com);
                add(n, OnetIris.example, str(e));
                add(o, OnetIris.usesTool, com);
                toolsUsed++;
            }
            refs.note();
        }
    }

    private Node commodity(String code, String title) {
        Node n = commodities.get(code);
        if (n != null) return n;
        n = OnetIris.commodity(code);
        commodities.put(code, n);
        concept(n, OnetIris.Commodity, Scheme.COMMODITIES, code, title);
        return n;
    }

    private static final Set<String> RATING_STATS = cols(SCALE_NAME, CATEGORY, N, SE, LOWER, UPPER, SUPPRESS,
            NOT_RELEVANT, DATE, DOMAIN_SOURCE);

    private void readElementRatings(Path file) {
        Set<String> optional = cols(TITLE, ELEMENT_NAME);
        optional.addAll(RATING_STATS);
        try (TsvFile f = new TsvFile(file, cols(SOC, ELEMENT_ID, SCALE_ID, DATA_VALUE), optional)) {
            int soc = f.column(SOC), el = f.column(ELEMENT_ID), scale = f.column(SCALE_ID), cat = f.column(CATEGORY);
            Refs refs = new Refs(f);
            while (f.next()) {
                String s = f.id(soc, SOC, SOC_CODE), e = f.id(el, ELEMENT_ID, OUTLINE_ID), sc = f.id(scale, SCALE_ID, SCALE_CODE);
                String c = f.integer(cat, CATEGORY, false);
                Node r = OnetIris.rating(s, e, sc, c);
                rating(f, refs, r, s, sc, c);
                add(r, OnetIris.element, refs.element(e));
            }
            refs.note();
        }
    }

    private void readTaskRatings(Path file) {
        Set<String> optional = cols(TITLE, TASK);
        optional.addAll(RATING_STATS);
        try (TsvFile f = new TsvFile(file, cols(SOC, TASK_ID, SCALE_ID, DATA_VALUE), optional)) {
            int soc = f.column(SOC), id = f.column(TASK_ID), scale = f.column(SCALE_ID), cat = f.column(CATEGORY);
            Refs refs = new Refs(f);
            while (f.next()) {
                String s = f.id(soc, SOC, SOC_CODE), t = f.integer(id, TASK_ID, true), sc = f.id(scale, SCALE_ID, SCALE_CODE);
                String c = f.integer(cat, CATEGORY, false);
                Node r = OnetIris.taskRating(s, t, sc, c);
                rating(f, refs, r, s, sc, c);
                add(r, OnetIris.task, refs.task(t));
            }
            refs.note();
        }
    }

    /** The statistics of one rating row, shared by element and task ratings. */
    private void rating(TsvFile f, Refs refs, Node r, String soc, String scale, String category) {
        String value = f.decimal(f.column(DATA_VALUE), DATA_VALUE, true);
        if (g.contains(r, SG.rdfType, OnetIris.Rating))
            throw f.reject("a second rating for the same occupation, " + (f.column(TASK_ID) >= 0 ? "task" : "element")
                    + ", scale" + (category == null ? "" : " and category") + " (" + r.getURI() + ")");
        add(r, SG.rdfType, OnetIris.Rating);
        add(r, OnetIris.occupation, refs.occupation(soc));
        add(r, OnetIris.scale, refs.scale(scale));
        add(r, OnetIris.rdfValue, decimal(value));
        if (category != null) add(r, OnetIris.category, integer(category));
        String n = f.integer(f.column(N), N, false);
        if (n != null) add(r, OnetIris.n, integer(n));
        optionalDecimal(f, r, OnetIris.standardError, SE);
        optionalDecimal(f, r, OnetIris.lowerCI, LOWER);
        optionalDecimal(f, r, OnetIris.upperCI, UPPER);
        flag(r, OnetIris.recommendSuppress, f.flag(f.column(SUPPRESS), SUPPRESS));
        flag(r, OnetIris.notRelevant, f.flag(f.column(NOT_RELEVANT), NOT_RELEVANT));
        dateAndSource(f, r, f.column(DATE), f.column(DOMAIN_SOURCE));
        ratings++;
    }

    private void optionalDecimal(TsvFile f, Node s, Node p, String column) {
        String v = f.decimal(f.column(column), column, false);
        if (v != null) add(s, p, decimal(v));
    }

    private void dateAndSource(TsvFile f, Node s, int date, int source) {
        String d = f.date(date);
        if (d != null) add(s, OnetIris.date, literal(d, XSDDatatype.XSDgYearMonth));
        String src = f.optional(source);
        if (src != null) add(s, OnetIris.domainSource, str(src));
    }

    /**
     * Looks up the codes a file names in the files that define them; codes not defined there are
     * still linked (the IRIs are stable) and counted for one note per file and kind.
     */
    private final class Refs {
        private final TsvFile f;
        private final Map<String, long[]> missing = new LinkedHashMap<>();
        private final Map<String, String> first = new HashMap<>();

        Refs(TsvFile f) { this.f = f; }

        Node occupation(String code) { return ref(occupations, code, OCCUPATION_DATA, "O*NET-SOC codes", OnetIris::occupation); }
        Node element(String id) { return ref(elements, id, CONTENT_MODEL, "element IDs", OnetIris::element); }
        Node scale(String id) { return ref(scales, id, SCALES, "scale IDs", OnetIris::scale); }
        Node iwa(String id) { return ref(iwas, id, IWA_REFERENCE, "IWA IDs", OnetIris::iwa); }
        Node dwa(String id) { return ref(dwas, id, DWA_REFERENCE, "DWA IDs", OnetIris::dwa); }
        Node task(String id) { return ref(tasks, id, TASKS, "task IDs", OnetIris::task); }

        private Node ref(Map<String, Node> known, String id, String definedIn, String kind,
                         java.util.function.Function<String, Node> mint) {
            Node n = known.get(id);
            if (n != null) return n;
            // Only report what a file that was read does not define.
            if (loaded.contains(definedIn)) {
                String key = kind + " not in " + definedIn;
                missing.computeIfAbsent(key, k -> new long[1])[0]++;
                first.putIfAbsent(key, id + " at line " + f.line());
            }
            return referenced.computeIfAbsent(kind + " " + id, k -> mint.apply(id));
        }

        void note() {
            missing.forEach((key, count) -> notes.add(f.name() + ": " + count[0] + " reference" + (count[0] == 1 ? "" : "s")
                    + " to " + key + " (first: " + first.get(key) + ")"));
        }
    }

    // ---------------------------------------------------------------- triples

    private void concept(Node n, Node type, Scheme scheme, String notation, String label) {
        schemes.add(scheme);
        add(n, SG.rdfType, SG.skosConcept);
        add(n, SG.rdfType, type);
        add(n, SG.skosInScheme, scheme.node());
        add(n, SG.skosNotation, str(notation));
        if (label != null) add(n, SG.skosPrefLabel, en(label));
    }

    private void definition(Node n, String text) {
        if (text != null) add(n, OnetIris.skosDefinition, en(text));
    }

    private void describeScheme(Scheme s, String version, String attribution) {
        Node n = s.node();
        add(n, SG.rdfType, SG.skosConceptScheme);
        add(n, SG.skosPrefLabel, en(s.label()));
        add(n, SG.dctIdentifier, str(s.shortName()));
        add(n, OnetIris.dctLicense, NodeFactory.createURI(OnetIris.LICENSE));
        add(n, OnetIris.dctRights, str(attribution));
        add(n, OnetIris.owlVersionInfo, str(version));
        add(n, SG.dctSource, NodeFactory.createURI(OnetIris.PUBLISHER_PAGE));
    }

    private void add(Node s, Node p, Node o) { g.add(Triple.create(s, p, o)); }

    private void flag(Node s, Node p, Boolean v) {
        if (v != null) add(s, p, v ? booleanTrue : booleanFalse);
    }

    private static Node en(String s) { return NodeFactory.createLiteralLang(s, "en"); }
    private Node str(String s) { return strings.computeIfAbsent(s, NodeFactory::createLiteralString); }
    private Node decimal(String lex) { return literal(lex, XSDDatatype.XSDdecimal); }
    private Node integer(String lex) { return literal(lex, XSDDatatype.XSDinteger); }

    /** Typed literals are shared: the ratings repeat few distinct values. */
    private Node literal(String lex, RDFDatatype type) {
        String key = lex + "^^" + type.getURI();
        Node n = literals.get(key);
        if (n == null) {
            n = NodeFactory.createLiteralDT(lex, type);
            literals.put(key, n);
        }
        return n;
    }
}
