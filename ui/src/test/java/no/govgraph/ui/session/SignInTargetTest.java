package no.govgraph.ui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Only views of govgraph are places to go after signing in; nothing sends the user to another site. */
class SignInTargetTest {

    @Test
    void acceptsViewsOfTheApplicationWithTheirQuery() {
        for (String next : List.of(
                "search?q=Frogner",
                "entity/office:0312",
                "explore/office%3A0312",
                "search?q=Gr%C3%BCnerl%C3%B8kka&page=2",
                "cypher")) {
            assertThat(SignInTarget.of(next)).as(next).hasValue(new SignInTarget(next));
        }
    }

    @Test
    void refusesEverythingThatLeavesTheApplicationOrGoesNowhere() {
        for (String next : List.of(
                "https://evil.example/",
                "//evil.example/",
                "/\\evil.example/",
                "\\\\evil.example",
                "/search",
                "\t//evil.example",
                "/\t/evil.example",
                "search\r\nSet-Cookie: a=b",
                "javascript:alert(1)",
                "JavaScript:alert(1)",
                "data:text/html,<script>alert(1)</script>",
                "http:evil.example",
                "../../evil.example",
                "søk",
                "login",
                "login?error",
                "signin",
                "")) {
            assertThat(SignInTarget.of(next)).as(next).isEmpty();
        }
        assertThat(SignInTarget.of(null)).isEmpty();
    }
}
