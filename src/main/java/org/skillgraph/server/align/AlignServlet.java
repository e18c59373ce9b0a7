package org.skillgraph.server.align;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.graph.Node;
import org.skillgraph.align.AlignVocab;
import org.skillgraph.align.Aligner;
import org.skillgraph.align.Concept;
import org.skillgraph.align.ConceptSource;
import org.skillgraph.align.Rankers;
import org.skillgraph.align.SuggestionJson;
import org.skillgraph.error.NotFoundException;
import org.skillgraph.server.Http;
import org.skillgraph.server.ServerConfig;
import org.skillgraph.store.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Alignment endpoints, mounted at {@code /api/align/*}, over {@link Aligner} (the same code as
 * {@code skillgraph align}):
 * <pre>
 *   GET  /api/align/suggest?source=S&amp;target=T[&amp;top=K][&amp;method=M]   ranked suggestions, JSON; reads only
 *   POST /api/align/accept   (write token)  {"type": T, "suggestions": [IRI...]}
 *                                           or {"type": T, "source": S, "target": T, "rank": N, "minScore": X, "method": M}
 * </pre>
 * A suggest request never runs for minutes: it answers from the stored run of (S, T, M) in its
 * suggestions graph when that run kept at least K per concept ({@code "from": "stored"}); else
 * it computes without storing ({@code "from": "computed"}) if S x T is at most {@link #MAX_PAIRS}
 * pairs and at most {@link #MAX_NEW_TEXTS} texts are missing from the vector cache, and answers
 * 422 naming the limit otherwise (run {@code skillgraph align suggest} once; its stored run is
 * served from then on). One computation at a time; another waits up to the query timeout, then 503.
 * Accepting records PROV-O with the agent {@value #AGENT} (whoever holds the write token).
 */
public final class AlignServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(AlignServlet.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    /**
     * Source x target concepts a request may rank itself (e.g. 200 concepts x 1,016 O*NET
     * occupations); system property {@code skillgraph.align.maxPairs}.
     */
    public static final long MAX_PAIRS = 250_000;
    /**
     * Texts a request may embed (about 5-30 s on 2 cores); more need {@code skillgraph align suggest}.
     * System property {@code skillgraph.align.maxNewTexts}.
     */
    public static final long MAX_NEW_TEXTS = 2_000;
    public static final int MAX_TOP = 100;
    /** The PROV-O agent of alignments accepted through the server. */
    public static final String AGENT = "api";
    private static final Set<String> ACCEPT_FIELDS = Set.of("type", "suggestions", "source", "target", "rank", "minScore", "method");

    private final transient Registry registry;
    private final transient ServerConfig config;
    private final transient Aligner aligner;
    private final transient ReentrantLock computing = new ReentrantLock();
    private final long maxPairs, maxNewTexts;

    public AlignServlet(Registry registry, ServerConfig config) {
        this.registry = registry;
        this.config = config;
        this.aligner = new Aligner(registry, registry.directory());
        this.maxPairs = Long.getLong("skillgraph.align.maxPairs", MAX_PAIRS);
        this.maxNewTexts = Long.getLong("skillgraph.align.maxNewTexts", MAX_NEW_TEXTS);
    }

    /** An error answer; {@code parameter} names the parameter at fault, when one is. */
    static final class ApiError extends RuntimeException {
        final int status;
        final String error, parameter;

        ApiError(int status, String error, String parameter, String message) {
            super(message);
            this.status = status;
            this.error = error;
            this.parameter = parameter;
        }
    }

    private static String route(HttpServletRequest req) {
        String p = req.getRequestURI().substring(req.getContextPath().length());
        if (p.startsWith("/api/align")) p = p.substring("/api/align".length());
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, () -> {
            switch (route(req)) {
                case "/suggest" -> suggest(req, resp);
                case "/accept" -> Http.methodNotAllowed(resp, "POST");
                default -> notFound(resp, route(req));
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp, () -> {
            switch (route(req)) {
                case "/accept" -> accept(req, resp);
                case "/suggest" -> Http.methodNotAllowed(resp, "GET, HEAD");
                default -> notFound(resp, route(req));
            }
        });
    }

    private interface Work { void run() throws IOException; }

    private void handle(HttpServletRequest req, HttpServletResponse resp, Work work) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        try {
            work.run();
        } catch (ApiError e) {
            ObjectNode o = MAPPER.createObjectNode().put("status", e.status).put("error", e.error);
            if (e.parameter != null) o.put("parameter", e.parameter);
            o.put("message", e.getMessage());
            if (!resp.isCommitted()) Http.send(resp, e.status, "application/json", PRETTY.writeValueAsString(o) + "\n");
        } catch (NotFoundException e) {
            if (!resp.isCommitted()) Http.jsonError(resp, 404, "not_found", e.getMessage());
        } catch (IllegalArgumentException e) {
            if (!resp.isCommitted()) Http.jsonError(resp, 400, "bad_request", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            if (!resp.isCommitted()) Http.jsonError(resp, 500, "internal", "skillgraph failed to answer: " + e.getClass().getSimpleName());
        }
    }

    // ------------------------------------------------------------------ suggest

    private void suggest(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ConceptSource.Scheme s = scheme(req, "source"), t = scheme(req, "target");
        int top = intParam(req.getParameter("top"), "top", 5, 1, MAX_TOP);
        String method = req.getParameter("method");
        if (method != null && !Rankers.ENGINES.containsKey(method))
            throw new ApiError(400, "bad_request", "method", "method must be one of " + String.join(", ", Rankers.ENGINES.keySet())
                    + ", not '" + method + "'");
        String m = method == null ? Rankers.DEFAULT : method;

        ObjectNode o = MAPPER.createObjectNode();
        o.put("source", s.scheme()).put("target", t.scheme()).put("method", m).put("top", top);
        var stored = aligner.storedRun(s, t, m, top);
        if (stored.isPresent() && stored.get().storedTop() >= top) {
            Aligner.StoredRun run = stored.get();
            o.put("from", "stored").put("suggestionGraph", run.graph().getURI()).put("generatedAt", run.generatedAt());
            ArrayNode rows = SuggestionJson.array(run.suggestions());
            // Stored suggestions have IRIs: what POST /api/align/accept takes.
            for (int i = 0; i < rows.size(); i++) {
                var sg = run.suggestions().get(i);
                ((ObjectNode) rows.get(i)).put("suggestion", AlignVocab.suggestion(run.graph(), sg.source().iri(), sg.target().iri()).getURI());
            }
            o.set("suggestions", rows);
        } else {
            List<Concept> sc = ConceptSource.load(registry, s), tc = ConceptSource.load(registry, t);
            Aligner.Cost cost = aligner.cost(sc, tc, m);
            if (cost.pairs() > maxPairs)
                throw new ApiError(422, "over_limit", "source",
                        String.format("%,d x %,d = %,d concept pairs is over the limit of %,d pairs a request may rank; "
                                + "run `skillgraph align suggest --source %s --target %s --top %d --method %s` once and its stored "
                                + "suggestions are served from then on", sc.size(), tc.size(), cost.pairs(), maxPairs, s.name(), t.name(), top, m));
            if (cost.newTexts() > maxNewTexts)
                throw new ApiError(422, "over_limit", "target",
                        String.format("this would embed %,d texts not yet in the vector cache, over the limit of %,d texts per request; "
                                + "run `skillgraph align suggest --source %s --target %s --top %d --method %s` once and its stored "
                                + "suggestions are served from then on", cost.newTexts(), maxNewTexts, s.name(), t.name(), top, m));
            Aligner.Run run = compute(s, t, sc, tc, m, top);
            o.put("from", "computed");
            o.set("suggestions", SuggestionJson.array(run.flat()));
        }
        resp.setStatus(200);
        resp.setContentType("application/json; charset=utf-8");
        PRETTY.writeValue(resp.getOutputStream(), o);
    }

    private Aligner.Run compute(ConceptSource.Scheme s, ConceptSource.Scheme t, List<Concept> sc, List<Concept> tc, String m, int top) {
        boolean locked;
        try {
            locked = computing.tryLock(config.queryTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked)
            throw new ApiError(503, "busy", null, "another suggestion run is computing; try again in a minute");
        try {
            return aligner.rank(s, t, sc, tc, m, top);
        } finally {
            computing.unlock();
        }
    }

    private ConceptSource.Scheme scheme(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank())
            throw new ApiError(400, "bad_request", name, "give ?" + name + "= a stored framework (identifier or IRI) or one of "
                    + String.join(", ", ConceptSource.REFERENCE.keySet()));
        try {
            return ConceptSource.resolve(registry, v.strip());
        } catch (NotFoundException e) {
            throw new ApiError(404, "not_found", name, name + ": " + e.getMessage());
        }
    }

    private static int intParam(String v, String name, int dflt, int min, int max) {
        if (v == null) return dflt;
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new ApiError(400, "bad_request", name, name + " must be a whole number from " + min + " to " + max + ", not '" + v + "'");
    }

    // ------------------------------------------------------------------ accept

    private void accept(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        JsonNode body;
        try {
            body = MAPPER.readTree(req.getInputStream());
        } catch (JsonProcessingException e) {
            throw new ApiError(400, "not_json", null, "the body is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject())
            throw new ApiError(400, "bad_request", null, "expected a JSON object: {\"type\": ..., \"suggestions\": [IRI, ...]} "
                    + "or {\"type\": ..., \"source\": ..., \"target\": ..., \"rank\": 1}");
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ACCEPT_FIELDS.contains(f))
                throw new ApiError(400, "bad_request", f, "unknown field '" + f + "'; fields: " + String.join(", ", new java.util.TreeSet<>(ACCEPT_FIELDS)));
        }
        String type = text(body, "type");
        if (type == null) throw new ApiError(400, "bad_request", "type", "type is required: one of "
                + String.join(", ", new java.util.TreeSet<>(AlignVocab.TYPES.keySet())));
        if (!AlignVocab.TYPES.containsKey(type))
            throw new ApiError(400, "bad_request", "type", "type must be one of " + String.join(", ", new java.util.TreeSet<>(AlignVocab.TYPES.keySet()))
                    + ", not '" + type + "'");
        List<String> iris = new ArrayList<>();
        JsonNode list = body.get("suggestions");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) throw new ApiError(400, "bad_request", "suggestions", "suggestions must be an array of IRIs");
            for (JsonNode n : list) {
                if (!n.isTextual() || !org.skillgraph.vocab.Iris.isAbsolute(n.asText()))
                    throw new ApiError(400, "bad_request", "suggestions", "not an absolute IRI: " + n);
                iris.add(n.asText());
            }
        }
        String source = text(body, "source"), target = text(body, "target"), method = text(body, "method");
        int rank = 1;
        if (body.hasNonNull("rank")) {
            if (!body.get("rank").canConvertToInt() || !body.get("rank").isIntegralNumber() || body.get("rank").asInt() < 1)
                throw new ApiError(400, "bad_request", "rank", "rank must be a whole number of at least 1");
            rank = body.get("rank").asInt();
        }
        Double minScore = null;
        if (body.hasNonNull("minScore")) {
            if (!body.get("minScore").isNumber()) throw new ApiError(400, "bad_request", "minScore", "minScore must be a number");
            minScore = body.get("minScore").asDouble();
        }
        if (iris.isEmpty() == (source == null && target == null) || (iris.isEmpty() && (source == null || target == null)))
            throw new ApiError(400, "bad_request", iris.isEmpty() ? (source == null ? "source" : "target") : "suggestions",
                    "give either \"suggestions\": [IRI, ...] or both \"source\" and \"target\"");
        if (source != null) scheme(source, "source");
        if (target != null) scheme(target, "target");
        Aligner.Accepted a = aligner.accept(new Aligner.Selection(iris, source, target, method, rank, minScore), type, AGENT);
        registry.touch();

        ObjectNode o = MAPPER.createObjectNode();
        o.put("accepted", a.alignments().size()).put("type", type).put("by", AGENT).put("graph", AlignVocab.ALIGNMENTS_GRAPH.getURI());
        ArrayNode arr = o.putArray("alignments");
        for (int i = 0; i < a.alignments().size(); i++) {
            Aligner.Stored st = a.suggestions().get(i);
            Node n = a.alignments().get(i);
            arr.addObject().put("alignment", n.getURI()).put("suggestion", st.iri()).put("source", st.source())
                    .put("target", st.target()).put("score", Double.parseDouble(SuggestionJson.score(st.score()))).put("rank", st.rank());
        }
        Http.send(resp, 200, "application/json", PRETTY.writeValueAsString(o) + "\n");
    }

    private void scheme(String v, String name) {
        try {
            ConceptSource.resolve(registry, v);
        } catch (NotFoundException e) {
            throw new ApiError(404, "not_found", name, name + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual() || n.asText().isBlank()) throw new ApiError(400, "bad_request", field, field + " must be a non-empty string");
        return n.asText().strip();
    }

    private static void notFound(HttpServletResponse resp, String route) throws IOException {
        Http.jsonError(resp, 404, "not_found", "no endpoint /api/align" + route
                + "; try GET /api/align/suggest?source=...&target=... or POST /api/align/accept");
    }
}
