package no.govgraph.backend.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.support.ApiTest;
import no.govgraph.backend.support.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neo4j.driver.Record;

@MicronautTest
@SuppressWarnings("unchecked")
class SecurityIT extends ApiTest {

    @Inject
    Router router;

    @BeforeAll
    void users() {
        resetWithUsers();
    }

    @Test
    void healthIsOpenToEveryone() {
        HttpResponse<String> health = call(HttpRequest.GET("/api/health"), String.class);
        assertThat(health.code()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(
            textBlock =
                    """
            GET, /api/me
            GET, /api/users
            GET, /api/audit
            GET, /api/openapi.yml
            GET, /api/docs/index.html
            GET, /api/no-such-endpoint
            """)
    void refusesAnonymousCallersWithProblemJson(String method, String path) {
        var answer = fail(HttpRequest.create(io.micronaut.http.HttpMethod.valueOf(method), path));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(answer.detail()).contains("curl -u");
        assertThat(answer.response().getHeaders().get("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void refusesAWrongPassword() {
        var answer = fail(HttpRequest.GET("/api/me").basicAuth(READER, "wrong-password"));
        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void basicAuthShowsTheUserAndTheRolesItIncludes() {
        Map<String, Object> me = getJson(ARCHIVIST, "/api/me");
        assertThat(me).containsEntry("username", ARCHIVIST).containsEntry("role", "archivist");
        assertThat((List<Object>) me.get("roles")).containsExactly("reader", "analyst", "archivist");
    }

    @Test
    void loginGivesABearerTokenThatWorksInsteadOfThePassword() {
        Map<?, ?> token = http.toBlocking()
                .retrieve(
                        HttpRequest.POST("/api/login", Map.of("username", ANALYST, "password", password(ANALYST))),
                        Map.class);
        assertThat(token.get("token_type")).isEqualTo("Bearer");
        String jwt = (String) token.get("access_token");
        Map<?, ?> me = http.toBlocking().retrieve(HttpRequest.GET("/api/me").bearerAuth(jwt), Map.class);
        assertThat(me.get("username")).isEqualTo(ANALYST);

        var forged = fail(HttpRequest.GET("/api/me").bearerAuth(jwt.substring(0, jwt.length() - 4) + "AAAA"));
        assertThat(forged.status()).isEqualTo(401);
    }

    @Test
    void aTokenEndsWhenItsUserIsDemotedOrDeleted() {
        users.create("temp", "temp-password", "analyst", "test");
        String jwt = (String) http.toBlocking()
                .retrieve(
                        HttpRequest.POST("/api/login", Map.of("username", "temp", "password", "temp-password")),
                        Map.class)
                .get("access_token");
        assertThat(http.toBlocking()
                        .retrieve(HttpRequest.GET("/api/me").bearerAuth(jwt), Map.class)
                        .get("username"))
                .isEqualTo("temp");
        users.update("temp", "reader", null, "test");
        assertThat(fail(HttpRequest.GET("/api/me").bearerAuth(jwt)).status()).isEqualTo(401);
        users.delete("temp", "test");
    }

    @Test
    void loginWithAWrongPasswordIs401() {
        var answer = fail(HttpRequest.POST("/api/login", Map.of("username", READER, "password", "nope-nope")));
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.detail()).contains("Wrong user name or password");
    }

    @Test
    void locksANameAfterRepeatedFailuresEvenForTheRightPassword() {
        users.create("victim", "victim-password", "reader", "test");
        for (int i = 0; i < 5; i++) {
            assertThat(fail(HttpRequest.POST("/api/login", Map.of("username", "victim", "password", "guess-" + i)))
                            .status())
                    .isEqualTo(401);
        }
        var locked = fail(HttpRequest.POST("/api/login", Map.of("username", "victim", "password", "victim-password")));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.detail()).contains("Too many failed sign-ins");
        assertThat(locked.response().getHeaders().get("Retry-After")).isNotBlank();
        // Basic auth goes through the same lock.
        assertThat(fail(HttpRequest.GET("/api/me").basicAuth("victim", "victim-password"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void guessingThroughBasicAuthLocksTheNameForEveryWayIn() {
        users.create("basic-victim", "victim-password", "reader", "test");
        for (int i = 0; i < 5; i++) {
            assertThat(fail(HttpRequest.GET("/api/me").basicAuth("basic-victim", "guess-" + i))
                            .status())
                    .isEqualTo(401);
        }
        // The right password no longer helps, through Basic, the token endpoint or (same UserService) the UI.
        assertThat(fail(HttpRequest.GET("/api/me").basicAuth("basic-victim", "victim-password"))
                        .status())
                .isEqualTo(401);
        var login =
                fail(HttpRequest.POST("/api/login", Map.of("username", "basic-victim", "password", "victim-password")));
        assertThat(login.status()).isEqualTo(429);
        assertThat(login.detail()).contains("Too many failed sign-ins");
        // Names are locked whatever their case or surrounding spaces.
        assertThat(fail(HttpRequest.POST(
                                "/api/login", Map.of("username", " Basic-Victim ", "password", "victim-password")))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void everyRouteExceptLoginAndHealthRefusesAnonymousCallers() {
        // The router may list a route more than once (and GET routes again as HEAD).
        java.util.Set<String> open = new java.util.TreeSet<>();
        java.util.Set<String> checked = new java.util.TreeSet<>();
        router.uriRoutes().forEach(route -> {
            var template = route.getUriMatchTemplate();
            Map<String, Object> values = new java.util.HashMap<>();
            template.getVariableNames().forEach(name -> values.put(name, "x"));
            String path = template.expand(values);
            io.micronaut.http.HttpMethod method = route.getHttpMethod();
            MutableHttpRequest<Object> request = HttpRequest.create(method, path);
            if (method == io.micronaut.http.HttpMethod.POST
                    || method == io.micronaut.http.HttpMethod.PUT
                    || method == io.micronaut.http.HttpMethod.PATCH) {
                request.body(Map.of());
            }
            int status;
            try {
                status = http.toBlocking().exchange(request, String.class).code();
            } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
                status = e.getStatus().getCode();
            }
            checked.add(method + " " + path);
            if (status != 401) {
                open.add(method + " " + path + " -> " + status);
            }
        });
        assertThat(checked).hasSizeGreaterThan(40);
        // Health answers; login reads the (empty) body and says what it needs.
        assertThat(open)
                .containsExactlyInAnyOrder(
                        "GET /api/health -> 200", "HEAD /api/health -> 200", "POST /api/login -> 400");
        System.out.printf("Anonymous calls refused on %d of %d routes%n", checked.size() - open.size(), checked.size());
    }

    @ParameterizedTest
    @CsvSource(
            textBlock =
                    """
            reader, 403
            analyst, 403
            archivist, 403
            admin, 200
            """)
    void onlyAdminsSeeUsersAndTheAuditLog(String user, int status) {
        for (String path : List.of("/api/users", "/api/audit")) {
            if (status == 200) {
                assertThat(call(as(user, HttpRequest.GET(path)), String.class).code())
                        .isEqualTo(200);
            } else {
                var answer = fail(as(user, HttpRequest.GET(path)));
                assertThat(answer.status()).isEqualTo(status);
                assertThat(answer.contentType()).startsWith(Problem.MEDIA_TYPE);
                assertThat(answer.detail()).contains(user).contains("may not");
            }
        }
    }

    @Test
    void adminsManageUsersAndEveryChangeIsAudited() {
        Map<String, Object> created = postJson(
                ADMIN, "/api/users", Map.of("username", "Newbie", "password", "newbie-pass", "role", "reader"));
        assertThat(created).containsEntry("username", "newbie").containsEntry("role", "reader");
        assertThat(fail(as(
                                ADMIN,
                                HttpRequest.POST(
                                        "/api/users",
                                        Map.of("username", "newbie", "password", "another-pass", "role", "reader"))))
                        .status())
                .isEqualTo(409);
        assertThat(fail(as(
                                ADMIN,
                                HttpRequest.POST(
                                        "/api/users",
                                        Map.of("username", "x y", "password", "another-pass", "role", "reader"))))
                        .status())
                .isEqualTo(400);
        assertThat(fail(as(
                                ADMIN,
                                HttpRequest.POST(
                                        "/api/users",
                                        Map.of("username", "shorty", "password", "short", "role", "reader"))))
                        .status())
                .isEqualTo(400);
        assertThat(fail(as(
                                ADMIN,
                                HttpRequest.POST(
                                        "/api/users",
                                        Map.of("username", "boss", "password", "boss-password", "role", "king"))))
                        .detail())
                .contains("Unknown role");

        call(as(ADMIN, HttpRequest.PUT("/api/users/newbie", Map.of("role", "analyst"))), String.class);
        Map<?, ?> me =
                http.toBlocking().retrieve(HttpRequest.GET("/api/me").basicAuth("newbie", "newbie-pass"), Map.class);
        assertThat(me.get("role")).isEqualTo("analyst");

        call(as(ADMIN, HttpRequest.DELETE("/api/users/newbie")), String.class);
        assertThat(fail(HttpRequest.GET("/api/me").basicAuth("newbie", "newbie-pass"))
                        .status())
                .isEqualTo(401);
        assertThat(fail(as(ADMIN, HttpRequest.DELETE("/api/users/newbie"))).status())
                .isEqualTo(404);

        Map<String, Object> audit = getJson(ADMIN, "/api/audit?action=user.&actor=admin");
        List<Object> actions = ((List<Map<String, Object>>) audit.get("items"))
                .stream().map(e -> e.get("action")).toList();
        assertThat(actions).contains("user.create", "user.role", "user.delete");
    }

    @Test
    void theLastAdministratorStaysAdministrator() {
        var answer = fail(as(ADMIN, HttpRequest.PUT("/api/users/admin", Map.of("role", "reader"))));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(fail(as(ADMIN, HttpRequest.DELETE("/api/users/admin"))).status())
                .isEqualTo(409);
    }

    @Test
    void passwordsAreStoredAsKeyedBcryptHashesOnly() {
        List<Record> stored = neo4j.driver()
                .executableQuery("MATCH (u:User {username: 'reader'}) RETURN properties(u) AS p")
                .execute()
                .records();
        Map<String, Object> props = stored.get(0).get("p").asMap();
        assertThat(props.values()).noneMatch(v -> String.valueOf(v).contains(password(READER)));
        assertThat((String) props.get("passwordHash")).startsWith(PasswordHashes.PREFIX + "$2");
    }

    @Test
    void usersChangeTheirOwnPassword() {
        users.create("changer", "changer-old-pw", "reader", "test");
        call(
                HttpRequest.POST(
                                "/api/me/password",
                                Map.of("currentPassword", "changer-old-pw", "newPassword", "changer-new-pw"))
                        .basicAuth("changer", "changer-old-pw"),
                String.class);
        assertThat(fail(HttpRequest.GET("/api/me").basicAuth("changer", "changer-old-pw"))
                        .status())
                .isEqualTo(401);
        assertThat(http.toBlocking()
                        .retrieve(HttpRequest.GET("/api/me").basicAuth("changer", "changer-new-pw"), Map.class)
                        .get("username"))
                .isEqualTo("changer");
    }

    @Test
    void theFirstStartCreatesAnAdministratorWithAGeneratedPassword() {
        neo4j.clear();
        try {
            var password = users.ensureFirstAdmin();
            assertThat(password).isPresent();
            assertThat(users.authenticate("admin", password.get()).role()).isEqualTo(Role.ADMIN);
            assertThat(users.ensureFirstAdmin()).isEmpty();
        } finally {
            resetWithUsers();
        }
    }

    @Test
    void servesTheOpenApiDescriptionAndSwaggerUi() {
        String yaml = get(READER, "/api/openapi.yml", String.class);
        assertThat(yaml).contains("openapi:").contains("/api/login").contains("/api/users");
        String page = get(READER, "/api/docs/index.html", String.class);
        assertThat(page).contains("swagger-ui").contains("/api/openapi.yml");
        assertThat(get(READER, "/api/docs/res/swagger-ui-bundle.js", String.class))
                .isNotEmpty();
    }
}
