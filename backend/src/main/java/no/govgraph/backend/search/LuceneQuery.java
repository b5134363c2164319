package no.govgraph.backend.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes user input safe for Neo4j's full-text indexes (Lucene query syntax) while keeping the
 * syntax people use on purpose: {@code "phrases"}, {@code AND}/{@code OR}/{@code NOT},
 * {@code +must}/{@code -mustNot}, {@code (groups)}, trailing wildcards ({@code leder*}) and fuzzy
 * terms ({@code frogner~}). Everything else that Lucene would read as syntax (field names with
 * {@code :}, ranges, regular expressions, boosts, leading wildcards, unbalanced quotes or brackets)
 * is escaped and searched as text.
 */
final class LuceneQuery {

    static final int MAX_LENGTH = 500;
    private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

    /** A word of the query, for highlighting: {@code prefix} when it ended with a wildcard. */
    record Term(String text, boolean prefix) {}

    private LuceneQuery() {}

    /** Every Lucene special character escaped: the input searched as plain words. */
    static String escapeAll(String input) {
        StringBuilder out = new StringBuilder(input.length() + 8);
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return escapeOperatorWords(out.toString());
    }

    /** The input with deliberate syntax kept and everything else escaped. */
    static String sanitize(String input) {
        String text = input.strip();
        boolean quotesBalanced = count(text, '"') % 2 == 0;
        boolean parensBalanced = parensBalanced(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        boolean inQuotes = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean termStart = i == 0 || Character.isWhitespace(text.charAt(i - 1)) || text.charAt(i - 1) == '(';
            boolean afterWord = i > 0 && isWordChar(text.charAt(i - 1));
            if (c == '"' && quotesBalanced) {
                inQuotes = !inQuotes;
                out.append(c);
            } else if (inQuotes) {
                // Inside a phrase only the closing quote is syntax.
                out.append(SPECIAL.indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
            } else if ((c == '(' || c == ')') && parensBalanced) {
                out.append(c);
            } else if ((c == '+' || c == '-')
                    && termStart
                    && i + 1 < text.length()
                    && isWordStart(text.charAt(i + 1))) {
                out.append(c);
            } else if ((c == '*' || c == '?') && afterWord) {
                out.append(c);
            } else if (c == '~' && afterWord && fuzzyEnd(text, i)) {
                out.append(c);
            } else if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        String result = out.toString().strip();
        return result.isEmpty() ? escapeAll(input) : result;
    }

    /** The words of the query, without operators, for marking matches in text. */
    static List<Term> terms(String input) {
        List<Term> terms = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i <= input.length(); i++) {
            char c = i < input.length() ? input.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
                continue;
            }
            if (!word.isEmpty()) {
                String w = word.toString();
                boolean prefix = c == '*' || c == '?';
                if (!isOperatorWord(w)) {
                    terms.add(new Term(w.toLowerCase(Locale.ROOT), prefix));
                }
                word.setLength(0);
            }
        }
        return terms;
    }

    private static boolean fuzzyEnd(String text, int tilde) {
        int j = tilde + 1;
        while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == '.')) {
            j++;
        }
        return j == text.length() || Character.isWhitespace(text.charAt(j)) || text.charAt(j) == ')';
    }

    private static boolean isOperatorWord(String w) {
        return w.equals("AND") || w.equals("OR") || w.equals("NOT") || w.equals("TO");
    }

    /** A lone operator word at the start or end is a syntax error in Lucene; search it as a word. */
    private static String escapeOperatorWords(String escaped) {
        String[] words = escaped.split("\\s+");
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(isOperatorWord(w) ? w.toLowerCase(Locale.ROOT) : w);
        }
        return out.toString();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean isWordStart(char c) {
        return Character.isLetterOrDigit(c) || c == '"' || c == '(';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static boolean parensBalanced(String s) {
        int depth = 0;
        boolean inQuotes = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && c == '(') {
                depth++;
            } else if (!inQuotes && c == ')') {
                if (--depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
