package no.govgraph.backend.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.HashMap;
import java.util.Map;
import no.govgraph.backend.support.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A bearer token stops working when its lifetime (configured, here 2 s) is over. */
@MicronautTest
class TokenExpiryIT extends ApiTest {

    private static final int LIFETIME_SECONDS = 2;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("micronaut.security.token.generator.access-token.expiration", "" + LIFETIME_SECONDS);
        return properties;
    }

    @BeforeAll
    void users() {
        resetWithUsers();
    }

    @Test
    void refusesATokenPastItsExpiry() throws InterruptedException {
        Map<?, ?> token = http.toBlocking()
                .retrieve(
                        HttpRequest.POST("/api/login", Map.of("username", READER, "password", password(READER))),
                        Map.class);
        assertThat(token.get("expires_in")).isEqualTo(LIFETIME_SECONDS);
        String jwt = (String) token.get("access_token");
        long issued = System.nanoTime();
        assertThat(http.toBlocking()
                        .retrieve(HttpRequest.GET("/api/me").bearerAuth(jwt), Map.class)
                        .get("username"))
                .isEqualTo(READER);

        // exp has whole seconds: past it for sure one second after the lifetime.
        long waitMillis = (LIFETIME_SECONDS + 1) * 1000L - (System.nanoTime() - issued) / 1_000_000;
        Thread.sleep(Math.max(0, waitMillis));

        var expired = fail(HttpRequest.GET("/api/me").bearerAuth(jwt));
        assertThat(expired.status()).isEqualTo(401);
        // The password still works: it is the token that ended, not the user.
        assertThat(getJson(READER, "/api/me")).containsEntry("username", READER);
    }
}
