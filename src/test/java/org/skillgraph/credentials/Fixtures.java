package org.skillgraph.credentials;

import org.skillgraph.pipeline.Pipeline;
import org.skillgraph.pipeline.Source;
import org.skillgraph.store.Registry;
import org.skillgraph.testutil.TestData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Credential fixtures (src/test/resources/credentials) and a registry holding the sample frameworks. */
final class Fixtures {
    private Fixtures() {}

    static final String DAC_1_1 = "https://case.example.edu/uri/7242f9d2-c323-5d82-bcb3-e66cca774c64";
    static final String DAC_1_2_ID = "f77c2421-eb0a-5cc9-a5b3-63b1e960d793";
    static final String DAC_1 = "https://case.example.edu/uri/cb461a0d-ad44-5b63-9c6a-d9f0b1e0628f";
    static final String DAC_2_ID = "09844a41-b9d6-51dd-88d4-3f1a480df277";
    static final String DA_1_1 = "https://skills.example.org/uri/0fcf8158-ed78-5a80-b596-cd2b68ee6901";
    static final String DA_1 = "https://skills.example.org/uri/fc9ff8f0-8158-544c-8b31-db6753ae645c";
    static final String DAC_DOC = "https://case.example.edu/uri/eb66c1b1-5484-5cd2-ae83-e0adb913f392";

    static Path path(String name) {
        return TestData.projectDir().resolve("src/test/resources/credentials").resolve(name);
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) { return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8); }

    static Registry withSamples(Registry r) {
        Pipeline p = new Pipeline();
        for (String f : List.of("data-analytics-certificate.json", "data-analyst-job-role.json", "opensalt-what-standards-could-be.json"))
            p.importInto(r, Source.file(TestData.sample(f)), n -> {});
        return r;
    }

    /** The shared real-data folder next to the project, or null. */
    static Path sharedCredentials() {
        Path p = TestData.projectDir().resolve("../shared/data/credentials").normalize();
        return Files.isDirectory(p) ? p : null;
    }
}
