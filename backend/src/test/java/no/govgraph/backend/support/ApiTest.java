package no.govgraph.backend.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import no.govgraph.backend.user.UserService;
import no.govgraph.testsupport.TestNeo4j;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the HTTP API tests: one Micronaut context per test class (started by {@code @MicronautTest}
 * on the subclass) over the JVM's shared test Neo4j, real HTTP through Micronaut's client, and one
 * user per role.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTest implements TestPropertyProvider {

    public static final String READER = "reader";
    public static final String ANALYST = "analyst";
    public static final String ARCHIVIST = "archivist";
    public static final String ADMIN = "admin";

    protected final TestNeo4j neo4j = TestNeo4j.shared();

    @Inject
    @Client("/")
    protected HttpClient http;

    @Inject
    protected UserService users;

    @Override
    public Map<String, String> getProperties() {
        return Map.of(
                "govgraph.neo4j.uri", neo4j.uri(),
                "govgraph.neo4j.username", neo4j.username(),
                "govgraph.neo4j.password", neo4j.password(),
                // The cheapest bcrypt cost: tests check behaviour, not hashing strength.
                "govgraph.security.bcrypt-strength", "4");
    }

    /** Empties the graph and creates one user per role, each with password {@code <role>-password}. */
    protected void resetWithUsers() {
        neo4j.clear();
        for (String role : new String[] {READER, ANALYST, ARCHIVIST, ADMIN}) {
            users.create(role, password(role), role, "test");
        }
    }

    public static String password(String user) {
        return user + "-password";
    }

    protected static <T> MutableHttpRequest<T> as(String user, MutableHttpRequest<T> request) {
        return request.basicAuth(user, password(user));
    }

    protected <T> HttpResponse<T> call(MutableHttpRequest<?> request, Class<T> type) {
        return http.toBlocking().exchange(request, type);
    }

    protected <T> T get(String user, String uri, Class<T> type) {
        return http.toBlocking().retrieve(as(user, HttpRequest.GET(uri)), type);
    }

    protected <T> T get(String user, String uri, Argument<T> type) {
        return http.toBlocking().retrieve(as(user, HttpRequest.GET(uri)), type);
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> getJson(String user, String uri) {
        return http.toBlocking().retrieve(as(user, HttpRequest.GET(uri)), Map.class);
    }

    protected java.util.List<Map<String, Object>> getList(String user, String uri) {
        return http.toBlocking()
                .retrieve(as(user, HttpRequest.GET(uri)), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> postJson(String user, String uri, Object body) {
        return http.toBlocking().retrieve(as(user, HttpRequest.POST(uri, body)), Map.class);
    }

    /** The problem answer of a request expected to fail. */
    protected ProblemAnswer fail(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
            throw new AssertionError("Expected an error, got " + response.code() + ": " + response.body());
        } catch (HttpClientResponseException e) {
            Problem problem = e.getResponse().getBody(Problem.class).orElse(null);
            String contentType =
                    e.getResponse().getContentType().map(Object::toString).orElse("");
            return new ProblemAnswer(e.getStatus().getCode(), problem, contentType, e.getResponse());
        }
    }

    /** An error answer: status, problem body and content type. */
    public record ProblemAnswer(int status, Problem problem, String contentType, HttpResponse<?> response) {

        public String detail() {
            return problem == null ? "" : problem.detail();
        }
    }

    /** Polls an upload job as its archivist would until it is finished or failed. */
    protected Map<String, Object> awaitImportJob(String id, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> job = getJson(ARCHIVIST, "/api/imports/" + id);
            if (job.get("status").equals("finished") || job.get("status").equals("failed")) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import job " + id + " did not finish within " + timeout);
    }
}
