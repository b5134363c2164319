package no.govgraph.ingest.extraction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** {@link String#matches} without compiling the expression on every call (the extractor calls it per line and number). */
final class Regexes {

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Regexes() {}

    static boolean matches(CharSequence input, String regex) {
        return CACHE.computeIfAbsent(regex, Pattern::compile).matcher(input).matches();
    }
}
