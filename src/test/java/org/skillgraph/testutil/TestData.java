package org.skillgraph.testutil;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where test data lives: the repository's own data/ and, when given, the shared real data. */
public final class TestData {
    private TestData() {}

    public static Path projectDir() {
        String p = System.getProperty("skillgraph.projectDir");
        return p == null || p.isBlank() ? Path.of("").toAbsolutePath() : Path.of(p);
    }

    public static Path sample(String name) { return projectDir().resolve("data").resolve(name); }

    /** The real-data folder given with -Dskillgraph.realData, or null. A folder given but missing fails. */
    public static Path realData() {
        String p = System.getProperty("skillgraph.realData");
        if (p == null || p.isBlank()) return null;
        Path dir = Path.of(p);
        if (!dir.isAbsolute()) dir = projectDir().resolve(dir).normalize();
        if (!Files.isDirectory(dir)) throw new IllegalStateException("-Dskillgraph.realData=" + p + " is not a folder (" + dir + ")");
        return dir;
    }
}
