# Builds and runs govgraph; docker-compose.yml pairs it with a Neo4j server.
FROM eclipse-temurin:17-jdk AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm git && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true -pl app -am

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-nor && rm -rf /var/lib/apt/lists/*
RUN useradd --system --create-home govgraph
COPY --from=build /src/app/target/govgraph/lib /opt/govgraph/lib
USER govgraph
EXPOSE 8080
ENV GOVGRAPH_JAVA_OPTS="-Xmx2g"
ENTRYPOINT ["sh", "-c", "exec java $GOVGRAPH_JAVA_OPTS -cp '/opt/govgraph/lib/*' no.govgraph.backend.cli.Main \"$@\"", "govgraph"]
CMD ["serve"]
