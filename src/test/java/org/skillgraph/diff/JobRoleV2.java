package org.skillgraph.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.skillgraph.testutil.TestData;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second version of the sample job role (data/data-analyst-job-role.json) that differs in known
 * ways: a new description, DA.1.1 reworded, DA.5.3 removed with its isChildOf association, and a
 * new item DA.5.4 with its isChildOf association.
 */
public final class JobRoleV2 {
    public static final String ID = "625f1aad-c018-5511-8681-4b1001258b3e";
    public static final String DESCRIPTION = "The skills of an entry-level data analyst, revised in 2026.";
    public static final String DA_1_1 = "0fcf8158-ed78-5a80-b596-cd2b68ee6901";
    public static final String DA_1_1_STATEMENT = "Extract data from relational databases with SQL.";
    public static final String DA_5_3 = "4d8ecea6-f808-5ee1-bb79-dbe454cd19de";
    public static final String DA_5_4 = "00000000-0000-4000-8000-000000000054";
    public static final String NEW_ASSOCIATION = "00000000-0000-4000-8000-0000000000a4";

    private JobRoleV2() {}

    public static Path v1() { return TestData.sample("data-analyst-job-role.json"); }

    /** Writes version 2 into {@code dir} and returns its path. */
    public static Path write(Path dir) throws IOException {
        ObjectMapper m = new ObjectMapper();
        ObjectNode pkg = (ObjectNode) m.readTree(v1().toFile());
        ((ObjectNode) pkg.get("CFDocument")).put("description", DESCRIPTION);
        ArrayNode items = (ArrayNode) pkg.get("CFItems");
        ObjectNode removed = null;
        for (int i = 0; i < items.size(); i++) {
            ObjectNode item = (ObjectNode) items.get(i);
            if (item.get("identifier").asText().equals(DA_1_1)) item.put("fullStatement", DA_1_1_STATEMENT);
            if (item.get("identifier").asText().equals(DA_5_3)) removed = (ObjectNode) items.remove(i--);
        }
        ObjectNode added = removed.deepCopy();
        added.put("identifier", DA_5_4).put("uri", "https://skills.example.org/uri/" + DA_5_4)
                .put("humanCodingScheme", "DA.5.4").put("listEnumeration", "4")
                .put("fullStatement", "Present findings to non-specialist audiences.");
        added.remove("abbreviatedStatement");
        items.add(added);
        ArrayNode assocs = (ArrayNode) pkg.get("CFAssociations");
        ObjectNode childOf = null;
        for (int i = 0; i < assocs.size(); i++) {
            JsonNode a = assocs.get(i);
            if (a.get("originNodeURI").get("identifier").asText().equals(DA_5_3)) childOf = (ObjectNode) assocs.remove(i--);
        }
        ObjectNode newChildOf = childOf.deepCopy();
        newChildOf.put("identifier", NEW_ASSOCIATION).put("uri", "https://skills.example.org/uri/" + NEW_ASSOCIATION);
        ((ObjectNode) newChildOf.get("originNodeURI")).put("identifier", DA_5_4).put("uri", "https://skills.example.org/uri/" + DA_5_4)
                .put("title", "Present findings to non-specialist audiences.");
        assocs.add(newChildOf);
        Path out = dir.resolve("data-analyst-job-role-v2.json");
        m.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), pkg);
        return out;
    }
}
