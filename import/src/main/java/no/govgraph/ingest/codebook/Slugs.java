package no.govgraph.ingest.codebook;

import java.text.Normalizer;
import java.util.Locale;

/** The slugs in entity ids: lower case, æ→ae ø→o å→a, other accents dropped, the rest '-'. */
public final class Slugs {

    private Slugs() {}

    public static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT)
                .replace("æ", "ae")
                .replace("ø", "o")
                .replace("å", "a");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }
}
