# syntax=docker/dockerfile:1
#
# skillgraph registry server: SPARQL (/sparql), Graph Store (/data), the CASE REST API
# (/ims/case/v1p1/...), resolvable entity URIs (/uri/{identifier}) and the query page (/).
#
#   docker build -t skillgraph:latest .
#   docker run -d -p 3030:3030 -v skillgraph-store:/var/lib/skillgraph skillgraph:latest
#   (or: docker compose up -d)
#
# The TDB2 store lives in /var/lib/skillgraph (a volume); an empty store is loaded with the
# sample frameworks on first start. Set SKILLGRAPH_WRITE_TOKEN to allow updates (read-only
# without it) and SKILLGRAPH_BASE_URI to the public address of the registry.
# Other commands run the same jar, e.g.
#   docker run --rm -v skillgraph-store:/var/lib/skillgraph skillgraph:latest list --store /var/lib/skillgraph

# ---- build: the runnable jar --------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY src ./src
COPY ontology ./ontology
COPY shapes ./shapes
COPY data ./data
# The Maven repository is a build cache, not part of any image layer.
RUN --mount=type=cache,target=/root/.m2 mvn -B -DskipTests package

# ---- runtime ------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# curl for the health check (the JRE image has no HTTP client of its own).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/*

# A system user without a login; it owns the store and nothing else.
RUN groupadd --system --gid 10001 skillgraph \
 && useradd --system --uid 10001 --gid skillgraph --home-dir /var/lib/skillgraph --no-create-home \
            --shell /usr/sbin/nologin skillgraph \
 && mkdir -p /app /var/lib/skillgraph \
 && chown skillgraph:skillgraph /var/lib/skillgraph

WORKDIR /app
COPY --from=build /src/target/skillgraph.jar /app/skillgraph.jar
# The sample frameworks, for `import` by hand (serve loads its own copy from the jar).
COPY data /app/data

ENV SKILLGRAPH_STORE=/var/lib/skillgraph
VOLUME ["/var/lib/skillgraph"]
USER skillgraph
EXPOSE 3030

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["curl", "-fsS", "-o", "/dev/null", "http://localhost:3030/$/ping"]

# The JVM may use 75% of the container's memory limit (its default is 25%).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/skillgraph.jar"]
CMD ["serve", "--store", "/var/lib/skillgraph", "--port", "3030", "--host", "0.0.0.0"]
