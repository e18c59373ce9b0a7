package org.skillgraph.validate;

import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.skillgraph.mapping.Directions;

import java.util.List;

/**
 * The SPARQL function {@code sgf:sentence(type, originCode, originStatement, destinationCode,
 * destinationStatement)} that the direction shapes ({@code shapes/directions.ttl}) use to put an
 * association in words with {@link Directions}: {@code DA-3.2 "Write SQL…" is part of JR-1.4 "…"}.
 * Empty strings stand for what is unknown. Statements are shortened for one-line messages.
 */
public final class SentenceFunction extends FunctionBase {
    public static final String IRI = "https://w3id.org/skillgraph/fn#sentence";
    private static final int STATEMENT_LENGTH = 80;

    /** Makes the function known to Jena's SPARQL engine (idempotent). */
    static void register() {
        FunctionRegistry.get().put(IRI, SentenceFunction.class);
    }

    @Override
    public void checkBuild(String uri, ExprList args) {
        if (args.size() != 5) throw new org.apache.jena.query.QueryBuildException("sgf:sentence takes 5 arguments");
    }

    @Override
    public NodeValue exec(List<NodeValue> args) {
        String[] s = new String[5];
        for (int i = 0; i < 5; i++) {
            NodeValue v = args.get(i);
            if (!v.isLiteral()) throw new ExprEvalException("sgf:sentence: argument " + (i + 1) + " is not text");
            s[i] = v.asNode().getLiteralLexicalForm();
        }
        String origin = Directions.named(s[1], Validator.shorten(s[2], STATEMENT_LENGTH));
        String destination = Directions.named(s[3], Validator.shorten(s[4], STATEMENT_LENGTH));
        return NodeValue.makeString(Directions.sentence(s[0], origin, destination));
    }
}
