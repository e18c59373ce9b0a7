package org.skillgraph.server.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A page template with {@code {{name}}} slots, split once when loaded and filled in one pass,
 * so that text put into one slot is never searched for another. Values must be escaped already.
 */
final class Template {
    private final List<String> parts = new ArrayList<>(); // text, slot, text, slot, ..., text

    private Template(String text) {
        int at = 0;
        while (true) {
            int open = text.indexOf("{{", at);
            int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
            if (open < 0 || close < 0) {
                parts.add(text.substring(at));
                return;
            }
            parts.add(text.substring(at, open));
            parts.add(text.substring(open + 2, close).trim());
            at = close + 2;
        }
    }

    static Template resource(String path) {
        try (InputStream in = Template.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing template " + path);
            return new Template(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String render(Map<String, String> values) {
        StringBuilder sb = new StringBuilder(8192);
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) sb.append(parts.get(i));
            else sb.append(values.getOrDefault(parts.get(i), ""));
        }
        return sb.toString();
    }
}
