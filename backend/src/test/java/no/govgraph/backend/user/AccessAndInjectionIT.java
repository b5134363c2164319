package no.govgraph.backend.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.govgraph.backend.support.ApiTest;
import no.govgraph.backend.support.Fixture;
import no.govgraph.neo4j.checksum.GraphChecksum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint family against every role (and no user), and hostile text in every parameter:
 * the answer is a result or a 4xx, never a 500, and the graph is untouched.
 */
@MicronautTest
class AccessAndInjectionIT extends ApiTest {

    private static final List<String> ROLES = List.of(READER, ANALYST, ARCHIVIST, ADMIN);

    private String checksum;

    @BeforeAll
    void seed() {
        resetWithUsers();
        Fixture.seed(neo4j.driver());
        checksum = GraphChecksum.of(neo4j.driver()).sha256();
    }

    private int status(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, String.class).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @ParameterizedTest
    @CsvSource(
            textBlock =
                    """
            GET,  /api/search?q=Frogner,                                  reader
            GET,  /api/entities?q=frog,                                   reader
            GET,  /api/entities/office:0301,                              reader
            GET,  /api/entities/office:0301/neighbourhood,                reader
            GET,  /api/paths?from=office:0301&to=tool:lean,               reader
            GET,  /api/evidence?type=USES_TOOL&subject=office:0301&object=tool:lean, reader
            GET,  /api/documents,                                         reader
            GET,  /api/schema,                                            reader
            GET,  /api/compare?outcome=outcome:overgang-til-arbeid,       reader
            GET,  /api/compare/outcomes,                                  reader
            GET,  /api/export/neighbourhood/office:0301,                  reader
            GET,  /api/export/compare?outcome=outcome:overgang-til-arbeid, reader
            GET,  /api/openapi.yml,                                       reader
            GET,  /api/quality,                                           reader
            POST, /api/cypher,                                            analyst
            GET,  /api/queries,                                           analyst
            POST, /api/export/cypher,                                     analyst
            GET,  /api/imports,                                           archivist
            POST, /api/claims/nope/accept,                                archivist
            DELETE, /api/documents/nope,                                  archivist
            GET,  /api/users,                                             admin
            GET,  /api/audit,                                             admin
            """)
    void eachFamilyNeedsItsRole(String method, String path, String needed) {
        Object body = method.equals("POST") ? Map.of("query", "RETURN 1") : null;
        MutableHttpRequest<Object> anonymous = HttpRequest.create(HttpMethod.valueOf(method.strip()), path.strip());
        if (body != null) {
            anonymous.body(body);
        }
        assertThat(status(anonymous)).as("anonymous " + path).isEqualTo(401);
        int neededLevel = ROLES.indexOf(needed.strip());
        for (String role : ROLES) {
            MutableHttpRequest<Object> request =
                    as(role, HttpRequest.create(HttpMethod.valueOf(method.strip()), path.strip()));
            if (body != null) {
                request.body(body);
            }
            int status = status(request);
            if (ROLES.indexOf(role) < neededLevel) {
                assertThat(status).as(role + " " + path).isEqualTo(403);
            } else {
                assertThat(status).as(role + " " + path).isNotIn(401, 403).isLessThan(500);
            }
        }
    }

    static Stream<Arguments> hostileParameters() {
        List<String> hostile = List.of(
                "'",
                "\"",
                "`",
                "}",
                "//",
                "\\",
                "' OR 1=1 //",
                "`) MATCH (n) DETACH DELETE n //",
                "} RETURN 1 //",
                "*",
                "~",
                "AND",
                "text:x",
                "[a TO z]",
                "\u0000",
                "\u202e",
                "<script>alert(1)</script>",
                "a".repeat(600));
        List<String> templates = List.of(
                "/api/search?q=%s",
                "/api/search?q=NAV&type=%s&kind=%s&office=%s",
                "/api/entities?q=%s",
                "/api/entities?label=%s",
                "/api/entities/%s",
                "/api/entities/%s/neighbourhood",
                "/api/entities/office:0301/neighbourhood?types=%s",
                "/api/entities/office:0301/neighbourhood?labels=%s&depth=%s",
                "/api/paths?from=%s&to=tool:lean",
                "/api/paths?from=office:0301&to=%s&maxLength=%s",
                "/api/evidence?type=%s&subject=office:0301&object=tool:lean",
                "/api/evidence?type=USES_TOOL&subject=%s&object=%s&period=%s",
                "/api/documents/%s",
                "/api/documents/%s/file",
                "/api/documents?kind=%s&year=%s&language=%s",
                "/api/compare?outcome=%s&period=%s",
                "/api/export/neighbourhood/%s?format=%s",
                "/api/queries/%s",
                "/api/audit?actor=%s&action=%s",
                "/api/imports/%s");
        return templates.stream().flatMap(t -> hostile.stream().map(h -> Arguments.of(t, h)));
    }

    @ParameterizedTest
    @MethodSource("hostileParameters")
    void answersHostileParametersWithAResultOrA4xx(String template, String hostile) {
        String encoded = URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20");
        String uri = template.replace("%s", encoded);
        int status = status(as(ADMIN, HttpRequest.GET(uri)));
        assertThat(status).as(uri).isIn(200, 400, 404);
    }

    @AfterAll
    void leavesTheGraphAloneWhateverTheParameters() {
        assertThat(GraphChecksum.of(neo4j.driver()).sha256()).isEqualTo(checksum);
    }
}
