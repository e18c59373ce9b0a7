import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes a synthetic but realistic CASE 1.1 CFPackage for benchmarks.
 *
 * <pre>
 *   java bench/GenerateCase.java --items 100000 --seed 42 -o bench/out/case-100k.json
 * </pre>
 *
 * Options: {@code --items N} (default 1000), {@code --seed S} (default 42),
 * {@code -o/--output FILE} (default: standard output), {@code --exact-match F} (share of items
 * that get an exactMatchOf to another framework, default 0.2), {@code --base-uri URI},
 * {@code --code-prefix P} (default "G").
 *
 * The package has one CFDocument, exactly N CFItems in 5 levels joined by isChildOf (with
 * sequenceNumber), and exactMatchOf associations for round(F * N) items whose destination is an
 * item of another framework that is not in the package (another host, a UUID identifier,
 * targetType "CASE"). Items are written in tree order (depth first), like a framework editor
 * exports them; codes look like "G.3.2.1".
 *
 * Deterministic: the same arguments give the same bytes. Each item draws its identifier, text and
 * other values from its own SplittableRandom, seeded from (seed, the item's breadth-first number),
 * so any item can be regenerated without keeping the others. The program keeps only the tree's
 * shape (one int per non-leaf item), so memory does not grow with the text written. JDK 17 only.
 */
public final class GenerateCase {

    // ------------------------------------------------------------------------------------------
    // Vocabulary. Each top-level domain belongs to one strand (a subject) and its descendants draw
    // verbs, objects, contexts and examples from that strand, so a subtree reads coherently.
    // Statement: Verb object [and object] [qualifier] [context] [purpose] [example].
    // ------------------------------------------------------------------------------------------

    record Strand(String name, String[] verbs, String[] objects, String[] contexts, String[] examples) {}

    static final Strand[] STRANDS = {
        new Strand("Mathematics",
            new String[] {"Solve", "Model", "Represent", "Interpret", "Calculate", "Compare", "Explain",
                "Justify", "Estimate", "Analyze", "Graph", "Apply"},
            new String[] {"linear relationships between two quantities", "proportional relationships",
                "systems of linear equations and inequalities", "exponential growth and decay",
                "probability models for compound events", "rational and irrational numbers",
                "the properties of two- and three-dimensional figures", "quadratic functions and their graphs",
                "statistical summaries of a distribution", "ratios, rates and percentages",
                "the reasoning behind a geometric proof", "transformations of figures in the coordinate plane",
                "measures of center and spread for a data set", "arithmetic and geometric sequences"},
            new String[] {"in real-world and mathematical problems", "in problems involving measurement and money",
                "in contexts from science and economics"},
            new String[] {"(e.g., tables, graphs, equations)", "(e.g., number lines, area models, tape diagrams)",
                "(e.g., scatter plots, box plots, histograms)"}),
        new Strand("Science",
            new String[] {"Investigate", "Explain", "Model", "Predict", "Analyze", "Evaluate", "Design",
                "Construct an explanation of", "Plan and conduct an investigation of", "Compare", "Describe"},
            new String[] {"energy transfer in physical systems", "the relationship between structure and function in cells",
                "chemical reactions and the conservation of mass", "the water cycle and its effect on regional climate",
                "forces and the motion of objects", "patterns of inheritance in living organisms",
                "the impact of human activity on ecosystems", "the layers and dynamics of the Earth's interior",
                "the properties of waves and their interactions with matter", "the flow of matter and energy through food webs",
                "variation within and between populations", "the structure and properties of matter"},
            new String[] {"in a laboratory setting", "in a field investigation", "using data from local ecosystems"},
            new String[] {"(e.g., lab reports, field notes, data logs)", "(e.g., diagrams, physical models, computer simulations)",
                "(e.g., temperature, pressure, pH)"}),
        new Strand("English Language Arts",
            new String[] {"Analyze", "Determine", "Evaluate", "Compare and contrast", "Write", "Cite evidence about",
                "Summarize", "Interpret", "Revise", "Present", "Trace"},
            new String[] {"the central idea of an informational text", "the structure of a written argument",
                "the point of view of a narrator or speaker", "the use of figurative language in poetry",
                "the claims and evidence in an opinion piece", "the rhetorical choices in a speech",
                "the development of a theme over the course of a text", "the structure of an informative report",
                "the meaning of words and phrases as they are used in a text", "the credibility of print and digital sources"},
            new String[] {"in texts of increasing complexity", "for a specified audience and purpose",
                "in literary and informational texts"},
            new String[] {"(e.g., speeches, editorials, advertisements)", "(e.g., short stories, dramas, poems)",
                "(e.g., essays, research reports, multimedia presentations)"}),
        new Strand("Social Studies",
            new String[] {"Analyze", "Explain", "Compare", "Evaluate", "Describe", "Trace", "Investigate",
                "Construct an argument about", "Assess"},
            new String[] {"the causes and effects of economic change", "primary and secondary historical sources",
                "the rights and responsibilities of citizens", "the functions of the three branches of government",
                "geographic patterns of population and migration", "the causes of major historical conflicts",
                "the features of a market economy", "cultural influences on political and social institutions",
                "the role of trade in connecting world regions", "movements for civil rights and social reform"},
            new String[] {"across historical periods and regions", "in local, national and global contexts",
                "in the context of current events"},
            new String[] {"(e.g., maps, timelines, photographs)", "(e.g., letters, court decisions, political cartoons)",
                "(e.g., census data, trade statistics, climate data)"}),
        new Strand("Computer Science",
            new String[] {"Design", "Implement", "Test", "Debug", "Explain", "Evaluate", "Develop", "Trace",
                "Decompose", "Document", "Compare"},
            new String[] {"algorithms that process lists of data", "a process for testing and debugging a program",
                "the components of a computer network", "the life cycle of a software product",
                "programs that use variables, conditionals and loops", "the ethical use of data and technology",
                "methods for protecting data and devices from cyber threats", "the representation of data in binary",
                "user interfaces that meet accessibility requirements", "procedures with parameters and return values"},
            new String[] {"in a collaborative programming project", "for a real user or client",
                "in a block-based or text-based language"},
            new String[] {"(e.g., flowcharts, pseudocode, diagrams)", "(e.g., unit tests, code reviews, version history)",
                "(e.g., passwords, encryption, multi-factor authentication)"}),
        new Strand("Health Sciences",
            new String[] {"Demonstrate", "Describe", "Apply", "Follow", "Explain", "Identify", "Monitor",
                "Document", "Perform", "Evaluate"},
            new String[] {"the principles of patient privacy and confidentiality", "infection control procedures",
                "the structure and function of the major body systems", "vital signs and their normal ranges",
                "nutrition and wellness plans", "medical terminology for common conditions and procedures",
                "safe patient handling and transfer techniques", "the roles of members of a health care team",
                "legal and ethical responsibilities of health care workers", "emergency response procedures"},
            new String[] {"in a clinical or care setting", "in a simulated patient scenario",
                "in community health settings"},
            new String[] {"(e.g., hand hygiene, personal protective equipment, sterilization)",
                "(e.g., charts, care plans, incident reports)", "(e.g., temperature, pulse, respiration, blood pressure)"}),
        new Strand("Business and Finance",
            new String[] {"Prepare", "Analyze", "Interpret", "Explain", "Develop", "Evaluate", "Calculate",
                "Recommend", "Prioritize", "Plan", "Summarize"},
            new String[] {"financial statements of a small business", "a project budget and schedule",
                "customer requirements for a product or service", "strategies for managing personal finances",
                "the terms of a contract or agreement", "supply chain and inventory records",
                "trends in labor markets and careers", "a marketing plan for a new product",
                "the costs and benefits of a business decision", "customer service interactions"},
            new String[] {"in a simulated business scenario", "in a workplace environment",
                "for a local business or nonprofit organization"},
            new String[] {"(e.g., budgets, invoices, payroll records)", "(e.g., surveys, sales data, market research)",
                "(e.g., income statements, balance sheets, cash flow statements)"}),
        new Strand("Engineering and Manufacturing",
            new String[] {"Design", "Build", "Test", "Troubleshoot", "Measure", "Select", "Operate",
                "Inspect", "Document", "Apply", "Calibrate"},
            new String[] {"the stages of the engineering design process", "electrical circuits and their components",
                "quality control procedures in production", "the safe use of hand and power tools",
                "sources of error in measurement", "technical drawings and specifications",
                "materials based on their physical and mechanical properties", "workplace safety procedures",
                "automated systems that use sensors and actuators", "preventive maintenance schedules for equipment"},
            new String[] {"in a manufacturing context", "in a shop or makerspace",
                "within a team-based design challenge"},
            new String[] {"(e.g., calipers, micrometers, multimeters)", "(e.g., sketches, CAD models, prototypes)",
                "(e.g., checklists, inspection logs, control charts)"}),
    };

    static final String[] QUALIFIERS = {
        "with precision", "using appropriate tools and units", "using evidence from multiple sources",
        "in written and oral form", "with increasing independence", "using accurate vocabulary",
        "using mathematical and computational thinking", "with attention to accuracy and detail",
        "using models, diagrams and simulations", "following established protocols",
        "using digital tools", "with reference to relevant standards",
        "both individually and collaboratively", "using multiple representations",
        "according to industry practice",
    };

    static final String[] CONTEXTS = {
        "within a team-based project", "in professional and community settings", "in everyday situations",
        "across a range of disciplines", "in a service-learning project", "in digital and print media",
    };

    static final String[] PURPOSES = {
        "to support a claim", "to draw valid conclusions", "to inform a decision",
        "to solve multi-step problems", "to meet quality and safety standards",
        "to explain a phenomenon", "to communicate findings clearly",
        "to evaluate possible solutions", "to improve a process or product",
        "to build understanding of key concepts", "to make and test predictions",
        "to meet the needs of a client", "to justify a course of action",
        "to identify patterns and relationships", "to reduce risk and prevent errors",
    };

    static final String[] LEVEL_TYPES = {"Domain", "Subdomain", "Competency", "Skill", "Performance Indicator"};
    static final String[] LEVEL_TYPE_DESCRIPTIONS = {
        "A broad area of learning that organizes the framework.",
        "A group of related competencies within a domain.",
        "A statement of what a learner knows and can do.",
        "A narrower skill that makes up part of a competency.",
        "An observable, assessable indicator of a skill.",
    };
    static final String[] GRADES = {"06", "07", "08", "09", "10", "11", "12"};

    static final int LEVELS = 5;
    static final int MIN_WORDS = 8, MAX_WORDS = 40;
    static final String FOREIGN_BASE = "https://standards.example.net/uri/";
    static final Instant BASE_TIME = Instant.parse("2025-06-01T00:00:00Z");

    // ------------------------------------------------------------------------------------------

    final long seed;
    final int n;
    final double exactShare;
    final String base;
    final String codePrefix;

    /** Number of items on each level (index 0 = top). */
    final int[] levelSize = new int[LEVELS];
    /** Breadth-first number of the first item on each level. */
    final int[] levelStart = new int[LEVELS];
    /** firstChild[l][p]: index on level l+1 of the first child of item p of level l; length size+1. */
    final int[][] firstChild = new int[LEVELS - 1][];

    // Package-level values.
    String docId, docUri, docTitle, licenseId, subjectId, groupingId;
    String[] typeIds = new String[LEVELS];
    String docTime;
    String foreignTitle;

    long exactTarget;
    final long[] assocCounts = new long[2]; // isChildOf, exactMatchOf

    GenerateCase(long seed, int n, double exactShare, String base, String codePrefix) {
        this.seed = seed;
        this.n = n;
        this.exactShare = exactShare;
        this.base = base;
        this.codePrefix = codePrefix;
    }

    // ------------------------------------------------------------------------------------------
    // Randomness
    // ------------------------------------------------------------------------------------------

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** An independent stream for (kind, index), reproducible from the seed alone. */
    SplittableRandom stream(long kind, long index) {
        return new SplittableRandom(mix64(mix64(seed ^ (kind * 0x9E3779B97F4A7C15L)) + index * 0xD1B54A32D192ED03L));
    }

    static String uuid(SplittableRandom r) {
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;                          // version 4
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;   // IETF variant
        return new UUID(msb, lsb).toString();
    }

    static <T> T pick(SplittableRandom r, T[] a) { return a[r.nextInt(a.length)]; }

    static int words(String s) {
        int w = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = s.charAt(i) == ' ';
            if (!space && !in) w++;
            in = !space;
        }
        return w;
    }

    /** A statement of MIN_WORDS..MAX_WORDS words in the given strand; upper levels are shorter. */
    static String statement(SplittableRandom r, Strand st, int level) {
        int lo = MIN_WORDS, hi = level == 0 ? 14 : level == 1 ? 20 : MAX_WORDS;
        // Skewed towards the short end, like real frameworks: the smaller of two uniform draws.
        int target = lo + Math.min(r.nextInt(hi - lo + 1), r.nextInt(hi - lo + 1));

        String verb = pick(r, st.verbs());
        int oi = r.nextInt(st.objects().length);
        String obj = st.objects()[oi];
        String obj2 = st.objects()[(oi + 1 + r.nextInt(st.objects().length - 1)) % st.objects().length];
        String context = r.nextInt(3) == 0 ? pick(r, CONTEXTS) : pick(r, st.contexts());
        // Optional parts in grammatical order; slots are filled in a random order until long enough.
        String[] choice = {
            " and " + obj2, " " + pick(r, QUALIFIERS), " " + context,
            " " + pick(r, PURPOSES), " " + pick(r, st.examples()),
        };
        String[] parts = new String[choice.length];
        int[] order = {0, 1, 2, 3, 4};
        for (int i = order.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        int count = words(verb) + words(obj);
        for (int slot : order) {
            if (count >= target && count >= MIN_WORDS) break;
            int w = words(choice[slot]);
            if (count + w > MAX_WORDS) continue;
            parts[slot] = choice[slot];
            count += w;
        }
        StringBuilder sb = new StringBuilder(256).append(verb).append(' ').append(obj);
        for (String p : parts) if (p != null) sb.append(p);
        sb.append('.');
        return sb.toString();
    }

    /** Box-Muller with StrictMath, so the shape is the same on every JDK and CPU. */
    static double gaussian(SplittableRandom r) {
        double u = 1.0 - r.nextDouble(), v = r.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    static String time(SplittableRandom r) {
        return BASE_TIME.minusSeconds(r.nextLong(365L * 24 * 3600)).toString();
    }

    // ------------------------------------------------------------------------------------------
    // Shape of the tree
    // ------------------------------------------------------------------------------------------

    /** Level sizes that grow geometrically from about N^(1/5) at the top, summing to exactly N. */
    void planLevels() {
        int depth = Math.min(LEVELS, n);
        int top = (int) Math.max(1, Math.round(StrictMath.pow(n, 1.0 / LEVELS)));
        double lo = 1.0, hi = n;
        for (int it = 0; it < 200; it++) {              // solve top * (1 + g + ... + g^(depth-1)) = n
            double g = (lo + hi) / 2, sum = 0, term = top;
            for (int l = 0; l < depth; l++) { sum += term; term *= g; }
            if (sum > n) hi = g; else lo = g;
        }
        double g = lo;
        long used = 0;
        for (int l = 0; l < depth - 1; l++) {
            levelSize[l] = (int) Math.max(1, Math.round(top * StrictMath.pow(g, l)));
            used += levelSize[l];
        }
        levelSize[depth - 1] = (int) (n - used);
        // Rounding can only make the last level too small when N is tiny: take from the upper levels.
        for (int l = depth - 2; levelSize[depth - 1] < 1 && l >= 0; l--) {
            while (levelSize[l] > 1 && levelSize[depth - 1] < 1) { levelSize[l]--; levelSize[depth - 1]++; }
        }
        int start = 0;
        for (int l = 0; l < LEVELS; l++) { levelStart[l] = start; start += levelSize[l]; }

        // Children per parent: uneven (log-normal weights), every child-level item gets a parent.
        SplittableRandom r = stream(1, 0);
        for (int l = 0; l < LEVELS - 1; l++) {
            int parents = levelSize[l], children = levelSize[l + 1];
            int[] fc = new int[parents + 1];
            firstChild[l] = fc;
            if (parents == 0) { fc = new int[1]; firstChild[l] = fc; continue; }
            double[] w = new double[parents];
            double total = 0;
            for (int p = 0; p < parents; p++) { w[p] = StrictMath.exp(0.6 * gaussian(r)); total += w[p]; }
            int given = 0;
            double acc = 0;
            for (int p = 0; p < parents; p++) {           // cumulative rounding: exact total, no sort
                fc[p] = given;
                acc += w[p];
                int upTo = (int) Math.round(children * (acc / total));
                given = Math.max(given, Math.min(children, upTo));
            }
            fc[parents] = children;
        }
    }

    // ------------------------------------------------------------------------------------------
    // One item, regenerated on demand from (seed, breadth-first number)
    // ------------------------------------------------------------------------------------------

    static final class Item {
        int level, index, position;  // level 0..4, index within level, 1-based among siblings
        Strand strand;
        String id, uri, statement, time, code;
        int gradeFrom, gradeTo;      // inclusive indices into GRADES
        String childAssocId, exactAssocId, foreignId, foreignStatement;
    }

    Item item(int level, int index, int position, Item parent) {
        Item it = new Item();
        it.level = level;
        it.index = index;
        it.position = position;
        SplittableRandom r = stream(2, levelStart[level] + (long) index);
        it.id = uuid(r);
        it.uri = base + it.id;
        // Domains take the strands in turn, from a seeded starting point; the rest inherit.
        it.strand = parent == null ? STRANDS[(int) Math.floorMod(mix64(seed) + index, (long) STRANDS.length)] : parent.strand;
        it.statement = statement(r, it.strand, level);
        String parentCode = parent == null ? codePrefix : parent.code;
        int pFrom = parent == null ? 0 : parent.gradeFrom, pTo = parent == null ? GRADES.length - 1 : parent.gradeTo;
        int span = pTo - pFrom + 1;
        int len = level == 0 ? Math.max(2, 1 + r.nextInt(span)) : 1 + r.nextInt(span);
        len = Math.min(len, span);
        it.gradeFrom = pFrom + r.nextInt(span - len + 1);
        it.gradeTo = it.gradeFrom + len - 1;
        it.time = time(r);
        it.code = parentCode + "." + position;
        it.childAssocId = uuid(r);
        it.exactAssocId = uuid(r);
        it.foreignId = uuid(r);
        it.foreignStatement = statement(r, it.strand, Math.max(2, level));
        return it;
    }

    interface Visitor { void visit(Item item, Item parent) throws IOException; }

    /** Depth-first walk over the whole tree, in sibling order. */
    void walk(Visitor v) throws IOException {
        for (int p = 0; p < levelSize[0]; p++) {
            walk(v, item(0, p, p + 1, null), null);
        }
    }

    private void walk(Visitor v, Item it, Item parent) throws IOException {
        v.visit(it, parent);
        if (it.level == LEVELS - 1) return;
        int[] fc = firstChild[it.level];
        for (int c = fc[it.index], pos = 1; c < fc[it.index + 1]; c++, pos++) {
            walk(v, item(it.level + 1, c, pos, it), it);
        }
    }

    // ------------------------------------------------------------------------------------------
    // JSON output
    // ------------------------------------------------------------------------------------------

    static final class Json {
        final Writer w;
        boolean first;
        Json(Writer w) { this.w = w; }

        Json raw(String s) throws IOException { w.write(s); return this; }

        Json str(String s) throws IOException {
            w.write('"');
            if (plain(s)) { w.write(s); w.write('"'); return this; }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> w.write("\\\"");
                    case '\\' -> w.write("\\\\");
                    case '\n' -> w.write("\\n");
                    case '\r' -> w.write("\\r");
                    case '\t' -> w.write("\\t");
                    default -> {
                        if (c < 0x20) w.write(String.format("\\u%04x", (int) c));
                        else w.write(c);
                    }
                }
            }
            w.write('"');
            return this;
        }

        static boolean plain(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c == '"' || c == '\\') return false;
            }
            return true;
        }

        Json open() throws IOException { w.write('{'); first = true; return this; }
        Json close() throws IOException { w.write('}'); first = false; return this; }

        Json key(String k) throws IOException {
            if (!first) w.write(',');
            first = false;
            str(k);
            w.write(':');
            return this;
        }

        Json field(String k, String v) throws IOException { return key(k).str(v); }
        Json field(String k, long v) throws IOException { key(k); w.write(Long.toString(v)); return this; }

        Json link(String k, String title, String id, String uri, String targetType) throws IOException {
            key(k);
            boolean outer = first;
            open().field("title", title).field("identifier", id).field("uri", uri);
            if (targetType != null) field("targetType", targetType);
            close();
            first = outer;
            return this;
        }

        Json strings(String k, List<String> values) throws IOException {
            key(k);
            w.write('[');
            for (int i = 0; i < values.size(); i++) { if (i > 0) w.write(','); str(values.get(i)); }
            w.write(']');
            return this;
        }
    }

    void write(Writer out) throws IOException {
        Json j = new Json(out);
        SplittableRandom r = stream(3, 0);
        docId = uuid(r);
        docUri = base + docId;
        licenseId = uuid(r);
        subjectId = uuid(r);
        groupingId = uuid(r);
        for (int l = 0; l < LEVELS; l++) typeIds[l] = uuid(r);
        docTime = BASE_TIME.toString();
        docTitle = String.format(Locale.ROOT, "Synthetic Competency Framework (%d items, seed %d)", n, seed);
        String foreignDocTitle = "Regional Learning Standards (synthetic, not included)";

        out.write("{\n\"CFDocument\":");
        j.open()
            .field("identifier", docId).field("uri", docUri).field("caseVersion", "1.1")
            .field("creator", "skillgraph benchmark generator").field("title", docTitle)
            .field("lastChangeDateTime", docTime)
            .field("officialSourceURL", base.replaceAll("/uri/?$", "/") + "frameworks/" + docId)
            .field("publisher", "skillgraph benchmark generator")
            .field("description", "A generated framework with " + n + " items in " + LEVELS
                + " levels for load and query benchmarks. Statements are assembled from a fixed"
                + " vocabulary and are not real learning standards.")
            .strings("subject", List.of("Interdisciplinary Studies"));
        j.key("subjectURI").raw("[");
        boolean keep = j.first;
        j.open().field("title", "Interdisciplinary Studies").field("identifier", subjectId)
            .field("uri", base + subjectId).close();
        j.first = keep;
        j.raw("]")
            .field("language", "en").field("version", "1.0").field("adoptionStatus", "Draft")
            .link("licenseURI", "Creative Commons Attribution 4.0 International", licenseId, base + licenseId, null)
            .close();

        // CFItems
        out.write(",\n\"CFItems\":[");
        long[] written = {0};
        walk((it, parent) -> {
            out.write(written[0]++ == 0 ? "\n" : ",\n");
            List<String> grades = new ArrayList<>();
            for (int g = it.gradeFrom; g <= it.gradeTo; g++) grades.add(GRADES[g]);
            j.open()
                .field("identifier", it.id).field("uri", it.uri).field("fullStatement", it.statement)
                .field("CFItemType", LEVEL_TYPES[it.level])
                .link("CFItemTypeURI", LEVEL_TYPES[it.level], typeIds[it.level], base + typeIds[it.level], null)
                .field("humanCodingScheme", it.code).field("listEnumeration", Integer.toString(it.position))
                .strings("subject", List.of(it.strand.name()))
                .field("language", "en").strings("educationLevel", grades)
                .field("lastChangeDateTime", it.time)
                .close();
        });
        if (written[0] != n) throw new IllegalStateException("wrote " + written[0] + " items, expected " + n);

        // CFAssociations: per item its isChildOf, then its exactMatchOf if selected.
        out.write("\n],\n\"CFAssociations\":[");
        exactTarget = Math.round(exactShare * n);
        SplittableRandom sel = stream(4, 0);
        long[] seen = {0, 0}; // items visited, exact matches chosen
        boolean[] firstAssoc = {true};
        walk((it, parent) -> {
            out.write(firstAssoc[0] ? "\n" : ",\n");
            firstAssoc[0] = false;
            j.open().field("identifier", it.childAssocId).field("associationType", "isChildOf")
                .field("sequenceNumber", it.position).field("uri", base + it.childAssocId)
                .link("originNodeURI", it.statement, it.id, it.uri, null);
            if (parent == null) j.link("destinationNodeURI", docTitle, docId, docUri, null);
            else j.link("destinationNodeURI", parent.statement, parent.id, parent.uri, null);
            j.field("lastChangeDateTime", it.time).close();
            assocCounts[0]++;

            // Selection sampling (Knuth's algorithm S): exactly exactTarget items, uniformly.
            long remaining = n - seen[0]++;
            long needed = exactTarget - seen[1];
            if (needed > 0 && sel.nextLong(remaining) < needed) {
                seen[1]++;
                out.write(",\n");
                j.open().field("identifier", it.exactAssocId).field("associationType", "exactMatchOf")
                    .field("uri", base + it.exactAssocId)
                    .link("originNodeURI", it.statement, it.id, it.uri, null)
                    .link("destinationNodeURI", it.foreignStatement, it.foreignId, FOREIGN_BASE + it.foreignId, "CASE")
                    .link("CFAssociationGroupingURI", "Crosswalk to " + foreignDocTitle, groupingId, base + groupingId, null)
                    .field("lastChangeDateTime", it.time).close();
                assocCounts[1]++;
            }
        });

        // CFDefinitions
        out.write("\n],\n\"CFDefinitions\":{\n\"CFSubjects\":[");
        j.open().field("identifier", subjectId).field("uri", base + subjectId)
            .field("title", "Interdisciplinary Studies").field("hierarchyCode", "1")
            .field("description", "Content that spans several academic and career-technical subjects.")
            .field("lastChangeDateTime", docTime).close();
        out.write("],\n\"CFLicenses\":[");
        j.open().field("identifier", licenseId).field("uri", base + licenseId)
            .field("title", "Creative Commons Attribution 4.0 International")
            .field("licenseText", "Licensed under CC BY 4.0: https://creativecommons.org/licenses/by/4.0/legalcode")
            .field("lastChangeDateTime", docTime).close();
        out.write("],\n\"CFItemTypes\":[");
        for (int l = 0; l < LEVELS; l++) {
            out.write(l == 0 ? "\n" : ",\n");
            j.open().field("identifier", typeIds[l]).field("uri", base + typeIds[l])
                .field("title", LEVEL_TYPES[l]).field("description", LEVEL_TYPE_DESCRIPTIONS[l])
                .field("hierarchyCode", Integer.toString(l + 1))
                .field("typeCode", LEVEL_TYPES[l].replace(" ", ""))
                .field("lastChangeDateTime", docTime).close();
        }
        out.write("\n],\n\"CFAssociationGroupings\":[");
        j.open().field("identifier", groupingId).field("uri", base + groupingId)
            .field("title", "Crosswalk to " + foreignDocTitle)
            .field("description", "exactMatchOf associations from this framework to items of another framework that is not part of this package.")
            .field("lastChangeDateTime", docTime).close();
        out.write("]\n}\n}\n");
    }

    // ------------------------------------------------------------------------------------------

    public static void main(String[] args) throws IOException {
        int items = 1000;
        long seed = 42;
        double exact = 0.2;
        String output = null, base = "https://bench.example.org/uri/", prefix = "G";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--items", "-n" -> items = Integer.parseInt(need(args, ++i, a).replace("_", ""));
                case "--seed" -> seed = Long.parseLong(need(args, ++i, a));
                case "-o", "--output" -> output = need(args, ++i, a);
                case "--exact-match" -> exact = Double.parseDouble(need(args, ++i, a));
                case "--base-uri" -> base = need(args, ++i, a);
                case "--code-prefix" -> prefix = need(args, ++i, a);
                case "-h", "--help" -> { usage(); return; }
                default -> { System.err.println("unknown argument: " + a); usage(); System.exit(2); }
            }
        }
        if (items < 1) { System.err.println("--items must be at least 1"); System.exit(2); }
        if (exact < 0 || exact > 1) { System.err.println("--exact-match must be within 0..1"); System.exit(2); }
        if (!base.endsWith("/")) base += "/";

        long t0 = System.nanoTime();
        GenerateCase g = new GenerateCase(seed, items, exact, base, prefix);
        g.planLevels();
        OutputStream os;
        Path path = null;
        if (output == null || output.equals("-")) {
            os = System.out;
        } else {
            path = Path.of(output);
            if (path.getParent() != null) Files.createDirectories(path.getParent());
            os = Files.newOutputStream(path);
        }
        try (Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
            g.write(w);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        StringBuilder levels = new StringBuilder();
        for (int l = 0; l < LEVELS; l++) levels.append(l == 0 ? "" : "/").append(g.levelSize[l]);
        System.err.printf(Locale.ROOT,
            "GenerateCase: %d items (levels %s), %d associations (%d isChildOf, %d exactMatchOf)%s in %.2f s%n",
            items, levels, g.assocCounts[0] + g.assocCounts[1], g.assocCounts[0], g.assocCounts[1],
            path == null ? "" : ", " + Files.size(path) + " bytes to " + path, secs);
    }

    static String need(String[] args, int i, String opt) {
        if (i >= args.length) { System.err.println(opt + " needs a value"); System.exit(2); }
        return args[i];
    }

    static void usage() {
        System.err.println("usage: java bench/GenerateCase.java [--items N] [--seed S] [-o FILE]"
            + " [--exact-match 0.2] [--base-uri URI] [--code-prefix G]");
    }
}
