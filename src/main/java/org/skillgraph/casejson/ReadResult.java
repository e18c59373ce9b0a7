package org.skillgraph.casejson;

import java.util.List;

/** A package as read from {@code source}, with the repairs the reader made. */
public record ReadResult(String source, CasePackage casePackage, List<Repair> repairs) {}
