package no.govgraph.ingest.codebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits text into {@link Token}s, joining words that a PDF or a text export hyphenated over a line break. */
public final class Tokenizer {

    /** After these a hyphen and a line break are a real hyphen: "Arbeids-\nog velferdsetaten". */
    private static final Set<String> CONJUNCTIONS =
            Set.of("og", "eller", "and", "or", "til", "i", "samt", "enn", "som", "nor", "to", "and/or");

    private Tokenizer() {}

    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            String word = text.substring(start, i);
            int end = i;
            // A hyphen at the end of a line followed by a lower-case word continues the word.
            while (end < n && text.charAt(end) == '-' && !isAbbreviation(word)) {
                int j = end + 1;
                boolean lineBreak = false;
                while (j < n && (text.charAt(j) == ' ' || text.charAt(j) == '\r' || text.charAt(j) == '\n')) {
                    lineBreak |= text.charAt(j) == '\n';
                    j++;
                }
                // A line break, or the single space left where a pipeline collapsed one.
                boolean collapsed = j == end + 2 && text.charAt(end + 1) == ' ';
                if (!(lineBreak || collapsed) || j >= n || !Character.isLowerCase(text.charAt(j))) {
                    break;
                }
                int k = j;
                while (k < n && Character.isLetterOrDigit(text.charAt(k))) {
                    k++;
                }
                String next = text.substring(j, k);
                if (CONJUNCTIONS.contains(next)) {
                    break;
                }
                word = word + next;
                end = k;
            }
            tokens.add(new Token(word, word.toLowerCase(Locale.ROOT), start, end));
            i = end;
        }
        return List.copyOf(tokens);
    }

    private static boolean isAbbreviation(String word) {
        return word.length() >= 2
                && word.equals(word.toUpperCase(Locale.ROOT))
                && !word.chars().allMatch(Character::isDigit);
    }
}
