package no.govgraph.ui.evidence;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The relationship an API evidence link names ({@code /api/evidence?type=…&subject=…&object=…&period=…}),
 * so the UI opens the same evidence in-process instead of calling its own API.
 */
public record EvidenceLink(String type, String subject, String object, String period) {

    public static Optional<EvidenceLink> parse(String link) {
        if (link == null || link.isBlank()) {
            return Optional.empty();
        }
        String query = URI.create(link).getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!params.containsKey("type") || !params.containsKey("subject") || !params.containsKey("object")) {
            return Optional.empty();
        }
        String period = params.get("period");
        return Optional.of(new EvidenceLink(
                params.get("type"),
                params.get("subject"),
                params.get("object"),
                period == null || period.isBlank() ? null : period));
    }
}
