package org.skillgraph.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillgraph.cli.Main;
import org.skillgraph.testutil.TestData;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The container files, checked without a container engine: {@code Dockerfile},
 * {@code docker-compose.yml} and {@code .dockerignore} agree with each other and with the
 * program (the command the image runs must parse with the real command line).
 */
class DeploymentFilesTest {
    static final String IMAGE = "skillgraph:latest";
    static final String VOLUME = "skillgraph-store";
    static final ObjectMapper JSON = new ObjectMapper();

    static Path project;
    static List<Instruction> dockerfile;
    static JsonNode compose;
    static JsonNode service;

    /** One Dockerfile instruction: keyword, arguments (continuations joined), and its build stage (0 = first). */
    record Instruction(String keyword, String args, int stage) {
        /** Exec form (JSON array) as a list; null for shell form. */
        List<String> execForm() {
            String a = args.strip();
            if (!a.startsWith("[")) return null;
            try {
                List<String> out = new ArrayList<>();
                JSON.readTree(a).forEach(n -> out.add(n.asText()));
                return out;
            } catch (IOException e) {
                throw new AssertionError("not a JSON array: " + a, e);
            }
        }
    }

    @BeforeAll
    static void read() throws IOException {
        project = TestData.projectDir();
        dockerfile = parseDockerfile(Files.readString(project.resolve("Dockerfile"), StandardCharsets.UTF_8));
        compose = new ObjectMapper(new YAMLFactory()).readTree(project.resolve("docker-compose.yml").toFile());
        service = compose.at("/services/skillgraph");
    }

    static List<Instruction> parseDockerfile(String text) {
        List<Instruction> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int stage = -1;
        for (String raw : text.split("\n", -1)) {
            String l = raw.stripTrailing();
            if (line.isEmpty() && (l.isBlank() || l.stripLeading().startsWith("#"))) continue;
            if (!line.isEmpty() && l.stripLeading().startsWith("#")) continue; // comment inside a continued instruction
            if (l.endsWith("\\")) {
                line.append(l, 0, l.length() - 1).append(' ');
                continue;
            }
            line.append(l);
            String full = line.toString().strip();
            line.setLength(0);
            int sp = full.indexOf(' ');
            String keyword = (sp < 0 ? full : full.substring(0, sp)).toUpperCase(Locale.ROOT);
            String args = sp < 0 ? "" : full.substring(sp + 1).strip();
            if (keyword.equals("FROM")) stage++;
            out.add(new Instruction(keyword, args, stage));
        }
        assertTrue(line.isEmpty(), "the Dockerfile ends inside a continued line");
        return out;
    }

    static List<Instruction> all(String keyword) {
        return dockerfile.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    static int finalStage() {
        return dockerfile.stream().mapToInt(Instruction::stage).max().orElseThrow();
    }

    static List<Instruction> inFinalStage(String keyword) {
        return all(keyword).stream().filter(i -> i.stage() == finalStage()).toList();
    }

    static Instruction last(String keyword) {
        List<Instruction> l = inFinalStage(keyword);
        assertFalse(l.isEmpty(), "the runtime stage has no " + keyword);
        return l.get(l.size() - 1);
    }

    /** What the container runs: ENTRYPOINT followed by CMD, both in exec form. */
    static List<String> containerCommand() {
        List<String> cmd = new ArrayList<>();
        if (!inFinalStage("ENTRYPOINT").isEmpty()) {
            List<String> ep = last("ENTRYPOINT").execForm();
            assertNotNull(ep, "ENTRYPOINT in exec form (JSON array), so that the JVM gets the container's signals");
            cmd.addAll(ep);
        }
        if (!inFinalStage("CMD").isEmpty()) {
            List<String> c = last("CMD").execForm();
            assertNotNull(c, "CMD in exec form (JSON array)");
            cmd.addAll(c);
        }
        return cmd;
    }

    /** The arguments after {@code -jar /app/skillgraph.jar}. */
    static List<String> programArguments() {
        List<String> cmd = containerCommand();
        assertEquals("java", cmd.get(0), "the container runs java: " + cmd);
        int jar = cmd.indexOf("-jar");
        assertTrue(jar > 0 && jar + 1 < cmd.size(), "java -jar JAR: " + cmd);
        assertEquals("/app/skillgraph.jar", cmd.get(jar + 1), cmd.toString());
        return cmd.subList(jar + 2, cmd.size());
    }

    /** The serve command the container runs, parsed by skillgraph's own command line. */
    static ParseResult serve() {
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<String> args = programArguments();
        ParseResult pr;
        try {
            pr = cl.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("the Dockerfile runs 'skillgraph " + String.join(" ", args) + "', which skillgraph rejects: "
                    + e.getMessage(), e);
        }
        assertTrue(pr.hasSubcommand(), "the container runs a subcommand: " + args);
        ParseResult sub = pr.subcommand();
        assertEquals("serve", sub.commandSpec().name(), args.toString());
        return sub;
    }

    static String option(ParseResult serve, String name) {
        assertTrue(serve.hasMatchedOption(name), "the container's serve command does not set " + name + ": " + programArguments());
        return serve.matchedOption(name).stringValues().get(0);
    }

    // ---------------------------------------------------------------- Dockerfile

    @Test
    void dockerfileBuildsWithMavenAndRunsOnTheJre() {
        List<Instruction> froms = all("FROM");
        assertEquals(2, froms.size(), "two stages: build and runtime");
        assertTrue(froms.get(0).args().matches("(?i)maven:3\\.9-eclipse-temurin-17\\s+AS\\s+build"), froms.get(0).args());
        assertEquals("eclipse-temurin:17-jre", froms.get(1).args());
        assertTrue(all("RUN").stream().anyMatch(r -> r.stage() == 0 && r.args().contains("mvn -B -DskipTests package")),
                "the build stage runs mvn -B -DskipTests package");
        Instruction jar = inFinalStage("COPY").stream().filter(c -> c.args().startsWith("--from=build")).findFirst()
                .orElseThrow(() -> new AssertionError("the runtime stage copies the jar from the build stage"));
        assertTrue(jar.args().matches("--from=build\\s+/src/target/skillgraph\\.jar\\s+/app/skillgraph\\.jar"), jar.args());
        assertTrue(inFinalStage("COPY").stream().anyMatch(c -> c.args().matches("data/?\\s+/app/data/?")),
                "the runtime stage copies the sample data");
        assertEquals("/src", all("WORKDIR").get(0).args(), "the build stage works in /src (the jar path above depends on it)");
    }

    @Test
    void buildStageCopiesEverythingTheBuildReads() throws IOException {
        String pom = Files.readString(project.resolve("pom.xml"), StandardCharsets.UTF_8);
        List<String> needed = new ArrayList<>(List.of("pom.xml", "src"));
        Matcher m = Pattern.compile("<resource>\\s*<directory>([^<$]+)</directory>").matcher(pom);
        while (m.find()) needed.add(m.group(1).split("/")[0]);
        List<String> copied = all("COPY").stream().filter(c -> c.stage() == 0)
                .flatMap(c -> {
                    String[] parts = c.args().split("\\s+");
                    return Arrays.stream(parts).limit(parts.length - 1).filter(p -> !p.startsWith("--"));
                })
                .map(p -> p.replaceAll("^\\./|/$", "")).toList();
        for (String n : needed)
            assertTrue(copied.contains(n) || copied.contains("."), "the build stage must COPY " + n + " (pom.xml reads it); copies " + copied);
        List<String> ignored = dockerignore();
        for (String n : needed)
            assertFalse(ignored.contains(n), ".dockerignore leaves " + n + " out of the build context, but the build needs it");
    }

    @Test
    void dockerignoreKeepsBuildOutputAndHistoryOut() throws IOException {
        List<String> ignored = dockerignore();
        for (String p : List.of(".git", "target", "skillgraph-store"))
            assertTrue(ignored.contains(p), ".dockerignore should leave out " + p + ": " + ignored);
    }

    static List<String> dockerignore() throws IOException {
        return Files.readAllLines(project.resolve(".dockerignore")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.replaceAll("^/|/$", "")).toList();
    }

    @Test
    void dockerfileRunsServeWithOptionsThatExist() {
        ParseResult serve = serve();
        assertEquals("/var/lib/skillgraph", option(serve, "--store"));
        assertEquals("3030", option(serve, "--port"));
        assertEquals("0.0.0.0", option(serve, "--host"), "reachable from outside the container");
        // The typed values are what serve will use.
        assertEquals(3030, (int) serve.matchedOption("--port").getValue());
    }

    @Test
    void dockerfileRunsAsAnOrdinaryUser() {
        String user = last("USER").args().split(":")[0];
        assertFalse(user.equals("root") || user.equals("0"), "USER " + user);
        int userAt = dockerfile.indexOf(last("USER"));
        for (String k : List.of("ENTRYPOINT", "CMD")) {
            if (!inFinalStage(k).isEmpty()) assertTrue(dockerfile.indexOf(last(k)) > userAt, k + " after USER");
        }
        assertTrue(inFinalStage("RUN").stream().anyMatch(r -> r.args().contains("useradd") && r.args().contains(" " + user)),
                "the runtime stage creates the user " + user);
        assertTrue(inFinalStage("RUN").stream().anyMatch(r -> r.args().contains("chown") && r.args().contains("/var/lib/skillgraph")),
                "the user owns the store folder");
    }

    @Test
    void dockerfileExposesThePortAndChecksHealth() {
        ParseResult serve = serve();
        String port = option(serve, "--port");
        assertEquals(List.of(port), inFinalStage("EXPOSE").stream().flatMap(e -> Arrays.stream(e.args().split("\\s+")))
                .map(p -> p.replace("/tcp", "")).toList(), "EXPOSE the port serve listens on");

        Instruction hc = last("HEALTHCHECK");
        Matcher cmd = Pattern.compile("\\bCMD\\s+(.*)$").matcher(hc.args());
        assertTrue(cmd.find(), "HEALTHCHECK CMD ...: " + hc.args());
        List<String> check = new Instruction("CMD", cmd.group(1), hc.stage()).execForm();
        assertNotNull(check, "HEALTHCHECK CMD in exec form (no shell, so '$' needs no escaping)");
        String url = check.stream().filter(a -> a.startsWith("http://")).findFirst().orElseThrow(() -> new AssertionError(check.toString()));
        assertEquals("http://localhost:" + port + "/$/ping", url);
        String tool = check.get(0);
        assertTrue(tool.equals("curl") || tool.equals("wget"), "curl or wget: " + check);
        if (tool.equals("curl")) assertTrue(check.contains("-f") || check.stream().anyMatch(a -> a.matches("-[a-zA-Z]*f[a-zA-Z]*")),
                "curl -f, so that an HTTP error fails the check: " + check);
        // The JRE image has no curl or wget: the runtime stage must install it.
        assertTrue(inFinalStage("RUN").stream().anyMatch(r -> r.args().matches("(?s).*apt-get install\\b.*\\b" + tool + "\\b.*")),
                "the runtime stage installs " + tool);
    }

    @Test
    void serveReadsTheEnvironmentThatComposePasses() {
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        CommandLine serve = cl.getSubcommands().get("serve");
        assertNotNull(serve, "skillgraph has a serve command");
        Map<String, String> env = Map.of("--write-token", "SKILLGRAPH_WRITE_TOKEN", "--base-uri", "SKILLGRAPH_BASE_URI");
        for (Map.Entry<String, String> e : env.entrySet()) {
            OptionSpec o = serve.getCommandSpec().findOption(e.getKey());
            assertNotNull(o, "serve " + e.getKey());
            assertTrue(String.join(" ", o.description()).contains(e.getValue()),
                    "serve " + e.getKey() + " says it defaults to $" + e.getValue());
        }
    }

    // ---------------------------------------------------------------- docker-compose.yml

    @Test
    void composeNamesTheImageAndBuildsItFromHere() {
        assertFalse(service.isMissingNode(), "services.skillgraph");
        assertEquals(IMAGE, service.path("image").asText());
        JsonNode build = service.path("build");
        String context = build.isTextual() ? build.asText() : build.path("context").asText();
        assertEquals(".", context, "build context");
        if (build.has("dockerfile")) assertEquals("Dockerfile", build.path("dockerfile").asText());
        assertEquals("unless-stopped", service.path("restart").asText());
    }

    @Test
    void composePublishesThePortTheServerListensOn() {
        String port = option(serve(), "--port");
        List<String> ports = new ArrayList<>();
        service.path("ports").forEach(p -> ports.add(p.isTextual() ? p.asText()
                : p.path("published").asText() + ":" + p.path("target").asText()));
        assertTrue(ports.contains(port + ":" + port), "ports: " + ports);
        for (JsonNode p : service.path("ports"))
            if (p.isTextual()) assertTrue(p.asText().matches("\"?[\\d.:]+\"?"), "quote ports in YAML (base-60 trap): " + p);
    }

    @Test
    void composeKeepsTheStoreInTheNamedVolume() {
        String store = option(serve(), "--store");
        List<String> mounts = new ArrayList<>();
        service.path("volumes").forEach(v -> mounts.add(v.isTextual() ? v.asText()
                : v.path("source").asText() + ":" + v.path("target").asText()));
        assertTrue(mounts.stream().anyMatch(m -> m.equals(VOLUME + ":" + store) || m.startsWith(VOLUME + ":" + store + ":")),
                "the named volume " + VOLUME + " is mounted at the store folder " + store + ": " + mounts);
        assertTrue(compose.path("volumes").has(VOLUME), "top-level volumes declares " + VOLUME);
        // The image declares the same folder as a volume and owns it.
        assertTrue(inFinalStage("VOLUME").stream().anyMatch(v -> v.args().contains(store)), "VOLUME " + store + " in the Dockerfile");
    }

    @Test
    void composeTakesTheWriteTokenFromTheHostEnvironment() {
        Map<String, String> env = environment();
        String token = env.get("SKILLGRAPH_WRITE_TOKEN");
        assertNotNull(token, "environment: " + env);
        assertTrue(token.matches("\\$\\{SKILLGRAPH_WRITE_TOKEN(:?-[^}]*)?}"),
                "the token comes from the host's environment, never written in the file: " + token);
        assertTrue(env.containsKey("SKILLGRAPH_BASE_URI"), "environment: " + env);
        String base = env.get("SKILLGRAPH_BASE_URI");
        assertTrue(base == null || base.isEmpty() || base.matches("\\$\\{SKILLGRAPH_BASE_URI(:?-[^}]*)?}") || URI.create(base).isAbsolute(), base);
    }

    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = service.path("environment");
        if (e.isArray()) {
            for (JsonNode item : e) {
                String s = item.asText();
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                env.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText());
            }
        }
        return env;
    }

    @Test
    void composeChecksHealthOnPing() {
        String port = option(serve(), "--port");
        JsonNode test = service.at("/healthcheck/test");
        assertTrue(test.isArray() && test.size() > 1, "healthcheck.test as a list: " + test);
        List<String> args = new ArrayList<>();
        test.forEach(t -> args.add(t.asText()));
        assertTrue(args.get(0).equals("CMD") || args.get(0).equals("CMD-SHELL"), args.toString());
        String joined = String.join(" ", args.subList(1, args.size()));
        // Compose substitutes ${VAR} and $VAR in the file; a literal dollar is written "$$".
        assertFalse(joined.replace("$$", "").contains("$"), "a lone '$' in a Compose file is a variable: write /$$/ping");
        String resolved = joined.replace("$$", "$");
        assertTrue(resolved.contains("http://localhost:" + port + "/$/ping"), resolved);
        String tool = args.get(1).split("\\s+")[0];
        assertTrue(inFinalStage("RUN").stream().anyMatch(r -> r.args().contains("install") && r.args().contains(tool)),
                "the image has " + tool);
        assertFalse(service.at("/healthcheck/interval").isMissingNode(), "healthcheck.interval");
    }
}
