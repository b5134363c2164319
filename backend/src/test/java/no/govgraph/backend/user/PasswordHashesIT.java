package no.govgraph.backend.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import no.govgraph.backend.support.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A password hash that an analyst's query digs out of a {@code User} node (by a path no guard can
 * foresee) does not let anyone check guesses without the key in the data directory; hashes of an
 * earlier version still sign in, and are replaced.
 */
@MicronautTest
@SuppressWarnings("unchecked")
class PasswordHashesIT extends ApiTest {

    @BeforeEach
    void users() {
        resetWithUsers();
    }

    private String storedHash(String username) {
        return neo4j.driver()
                .executableQuery("MATCH (u:User {username: $u}) RETURN u.passwordHash AS h")
                .withParameters(Map.of("u", username))
                .execute()
                .records()
                .get(0)
                .get("h")
                .asString();
    }

    @Test
    void aLeakedHashCannotBeCheckedAgainstGuessesWithoutTheKey() {
        String stored = storedHash(READER);
        assertThat(stored).startsWith(PasswordHashes.PREFIX);
        String bcryptPart = stored.substring(PasswordHashes.PREFIX.length());
        assertThat(new BCryptPasswordEncoder().matches(password(READER), bcryptPart))
                .isFalse();

        // The dynamic-key read that reaches past the guard's name checks.
        Map<String, Object> result = postJson(
                ANALYST,
                "/api/cypher",
                Map.of(
                        "query",
                        "MATCH (n) WHERE n.username = $u RETURN split(n['password' + 'Hash'], '$') AS parts",
                        "params",
                        Map.of("u", READER)));
        List<Object> parts =
                (List<Object>) ((List<List<Object>>) result.get("rows")).get(0).get(0);
        String rebuilt = String.join("$", parts.stream().map(String::valueOf).toList());
        String leaked = rebuilt.substring(rebuilt.indexOf('$'));
        assertThat(new BCryptPasswordEncoder().matches(password(READER), leaked))
                .isFalse();

        assertThat(getJson(READER, "/api/me")).containsEntry("username", READER);
    }

    @Test
    void aHashOfTheEarlierVersionSignsInAndIsReplaced() {
        String legacy = new BCryptPasswordEncoder(4).encode("legacy-password");
        neo4j.driver()
                .executableQuery("MATCH (u:User {username: $u}) SET u.passwordHash = $h")
                .withParameters(Map.of("u", READER, "h", legacy))
                .execute();

        var me = call(HttpRequest.GET("/api/me").basicAuth(READER, "legacy-password"), Map.class);

        assertThat(me.code()).isEqualTo(200);
        assertThat(storedHash(READER)).startsWith(PasswordHashes.PREFIX);
        assertThat(call(HttpRequest.GET("/api/me").basicAuth(READER, "legacy-password"), Map.class)
                        .code())
                .isEqualTo(200);
    }
}
