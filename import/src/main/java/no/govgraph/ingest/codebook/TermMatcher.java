package no.govgraph.ingest.codebook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.govgraph.ingest.extraction.EntityKind;

/**
 * Finds the codebook's terms in text, and municipalities by their form ("Bærum kommune", "Voss
 * herad", "Tromsø municipality", "bydel Frogner"). Case is ignored except for abbreviations of tools
 * and outcomes ("MDB"); Norwegian and English inflections of common nouns match ("tavlemøtene",
 * "målekortet", "brukarundersøkinga"); words hyphenated over a line break match; where matches
 * overlap, the longest wins. Immutable and thread-safe.
 */
public final class TermMatcher {

    private static final Set<String> SUFFIXES = Set.of(
            "", "e", "en", "et", "a", "er", "ene", "ane", "ar", "ne", "n", "t", "s", "es", "ens", "ets", "enes", "ers",
            "ernes", "as");
    private static final Set<String> MUNICIPALITY_WORDS =
            Set.of("kommune", "kommunes", "herad", "herads", "municipality", "municipality's");
    private static final Set<String> NOT_NAMES = Set.of(
            "i",
            "på",
            "for",
            "med",
            "til",
            "fra",
            "frå",
            "og",
            "den",
            "det",
            "denne",
            "dette",
            "hver",
            "kvar",
            "hele",
            "heile",
            "samme",
            "same",
            "vår",
            "vårt",
            "annen",
            "anna",
            "en",
            "ein",
            "et",
            "each",
            "every",
            "the",
            "a",
            "in",
            "of",
            "alle",
            "ny",
            "nye",
            "ingen",
            "enhver",
            "vertskommune",
            "om",
            "at",
            "by",
            "from",
            "this",
            "that",
            "our",
            "its",
            "which",
            "some",
            "mellom",
            "partene",
            "kommunen");

    private enum Mode {
        /** Equal, ignoring case. */
        EXACT,
        /** Equal with case: an abbreviation of a tool or outcome. */
        CASED,
        /** A proper name, also in the genitive ("NAV Frogners"). */
        NAME,
        /** A common noun in any inflected form. */
        INFLECT
    }

    private record PatternToken(String text, Mode mode) {}

    private record Pattern(Term term, List<PatternToken> tokens) {}

    /** Patterns by the key of their first word, and (when that word is fixed) by the keys of their first two. */
    private final Map<String, List<Pattern>> byFirst = new HashMap<>();

    private final Map<String, List<Pattern>> byFirstTwo = new HashMap<>();

    public TermMatcher(Codebook codebook) {
        for (Term term : codebook.terms()) {
            for (String synonym : term.synonyms()) {
                List<Token> words = Tokenizer.tokenize(synonym);
                if (words.isEmpty()) {
                    continue;
                }
                List<PatternToken> tokens = new ArrayList<>();
                boolean proper = term.kind() == EntityKind.OFFICE || term.kind() == EntityKind.PARTNER;
                for (Token w : words) {
                    Mode mode;
                    if (w.allCaps()) {
                        mode = proper ? Mode.EXACT : Mode.CASED;
                    } else if (proper && w.capitalized()) {
                        mode = Mode.NAME;
                    } else {
                        mode = w.lower().length() >= 4 ? Mode.INFLECT : Mode.EXACT;
                    }
                    tokens.add(new PatternToken(mode == Mode.CASED ? w.text() : w.lower(), mode));
                }
                Pattern pattern = new Pattern(term, List.copyOf(tokens));
                if (tokens.size() >= 2 && tokens.get(0).mode() != Mode.INFLECT) {
                    // Thousands of offices start with "NAV": their second word picks the few to try.
                    byFirstTwo
                            .computeIfAbsent(key(tokens.get(0)) + " " + key(tokens.get(1)), k -> new ArrayList<>())
                            .add(pattern);
                } else {
                    byFirst.computeIfAbsent(key(tokens.get(0)), k -> new ArrayList<>())
                            .add(pattern);
                }
            }
        }
    }

    /** The terms in {@code text}, in text order, none overlapping. */
    public List<TermMatch> find(String text) {
        return find(text, Tokenizer.tokenize(text));
    }

    /** The terms in {@code text}, whose tokens are {@code tokens}. */
    public List<TermMatch> find(String text, List<Token> tokens) {
        List<TermMatch> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            TermMatch best = longestAt(text, tokens, i);
            if (best == null) {
                i++;
            } else {
                matches.add(best);
                i = best.endToken();
            }
        }
        return List.copyOf(matches);
    }

    private TermMatch longestAt(String text, List<Token> tokens, int i) {
        Pattern best = null;
        int bestLength = 0;
        List<String> firstKeys = keys(tokens.get(i).lower());
        List<Pattern> candidates = new ArrayList<>();
        for (String k : firstKeys) {
            candidates.addAll(byFirst.getOrDefault(k, List.of()));
        }
        if (i + 1 < tokens.size()) {
            List<String> secondKeys = keys(tokens.get(i + 1).lower());
            for (String k1 : firstKeys) {
                for (String k2 : secondKeys) {
                    candidates.addAll(byFirstTwo.getOrDefault(k1 + " " + k2, List.of()));
                }
            }
        }
        for (Pattern p : candidates) {
            int length = matchLength(p, tokens, i, text);
            if (length > bestLength
                    || (length == bestLength
                            && length > 0
                            && p.term().priority() > best.term().priority())) {
                best = p;
                bestLength = length;
            }
        }
        TermMatch municipality = municipalityAt(text, tokens, i);
        if (municipality != null && municipality.endToken() - i > bestLength) {
            return municipality;
        }
        if (best == null) {
            return null;
        }
        Token first = tokens.get(i);
        Token last = tokens.get(i + bestLength - 1);
        return new TermMatch(
                best.term(), i, i + bestLength, first.start(), last.end(), text.substring(first.start(), last.end()));
    }

    private static int matchLength(Pattern p, List<Token> tokens, int i, String text) {
        if (i + p.tokens().size() > tokens.size()) {
            return 0;
        }
        for (int k = 0; k < p.tokens().size(); k++) {
            Token t = tokens.get(i + k);
            if (k > 0 && crossesSentence(text, tokens.get(i + k - 1), t)) {
                return 0;
            }
            if (!matches(p.tokens().get(k), t)) {
                return 0;
            }
        }
        return p.tokens().size();
    }

    private static boolean crossesSentence(String text, Token previous, Token next) {
        String between = text.substring(previous.end(), next.start());
        return between.contains(".") || between.contains("\n\n") || between.contains("\t") || between.contains("|");
    }

    private static boolean matches(PatternToken p, Token t) {
        return switch (p.mode()) {
            case CASED -> t.text().equals(p.text());
            case EXACT -> t.lower().equals(p.text());
            case NAME -> t.lower().equals(p.text()) || t.lower().equals(p.text() + "s");
            case INFLECT -> inflects(p.text(), t.lower());
        };
    }

    /** Whether {@code word} is {@code base} or one of its inflected forms. */
    static boolean inflects(String base, String word) {
        if (word.equals(base)) {
            return true;
        }
        if (base.length() < 4 || word.length() < base.length() - 2) {
            return false;
        }
        for (String stem : stems(base)) {
            if (word.startsWith(stem) && SUFFIXES.contains(word.substring(stem.length()))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> stems(String base) {
        List<String> stems = new ArrayList<>(3);
        stems.add(base);
        if (base.endsWith("e")) {
            stems.add(base.substring(0, base.length() - 1));
        }
        if ((base.endsWith("er") || base.endsWith("ar")) && base.length() > 5) {
            stems.add(base.substring(0, base.length() - 2));
        }
        return stems;
    }

    /** "Bærum kommune", "Voss herad", "Tromsø municipality", "bydel Frogner", "the municipality (city) of Alta". */
    private static TermMatch municipalityAt(String text, List<Token> tokens, int i) {
        Token first = tokens.get(i);
        if (first.lower().equals("bydel") && i + 1 < tokens.size()) {
            int end = nameRun(text, tokens, i + 1, false);
            if (end > i + 1) {
                String name = "Bydel " + span(text, tokens, i + 1, end);
                return municipality(name, text, tokens, i, end);
            }
            return null;
        }
        if ((first.lower().equals("municipality") || first.lower().equals("city"))
                && i + 2 < tokens.size()
                && tokens.get(i + 1).lower().equals("of")) {
            int end = nameRun(text, tokens, i + 2, false);
            if (end > i + 2) {
                return municipality(span(text, tokens, i + 2, end) + " kommune", text, tokens, i, end);
            }
            return null;
        }
        int end = nameRun(text, tokens, i, true);
        if (end > i
                && end < tokens.size()
                && MUNICIPALITY_WORDS.contains(tokens.get(end).lower())
                && !crossesSentence(text, tokens.get(end - 1), tokens.get(end))) {
            String word = tokens.get(end).lower().startsWith("herad") ? " herad" : " kommune";
            return municipality(span(text, tokens, i, end) + word, text, tokens, i, end + 1);
        }
        return null;
    }

    /** The end of a run of 1–3 capitalised words (with "og" between) starting at {@code i}, or i. */
    private static int nameRun(String text, List<Token> tokens, int i, boolean conjunctions) {
        int end = i;
        int words = 0;
        while (end < tokens.size() && words < 3) {
            Token t = tokens.get(end);
            if (end > i && !joined(text, tokens.get(end - 1), t)) {
                break;
            }
            if (nameWord(t)) {
                end++;
                words++;
            } else if (conjunctions
                    && end > i
                    && t.lower().equals("og")
                    && end + 1 < tokens.size()
                    && nameWord(tokens.get(end + 1))
                    && joined(text, t, tokens.get(end + 1))) {
                end++;
            } else {
                break;
            }
        }
        return end;
    }

    private static boolean nameWord(Token t) {
        return t.capitalized() && !t.allCaps() && !t.isNumber() && !NOT_NAMES.contains(t.lower());
    }

    private static boolean joined(String text, Token a, Token b) {
        String between = text.substring(a.end(), b.start());
        return between.equals(" ") || between.equals("-") || between.equals(" - ");
    }

    private static String span(String text, List<Token> tokens, int from, int to) {
        return text.substring(tokens.get(from).start(), tokens.get(to - 1).end())
                .replaceAll("\\s+", " ");
    }

    private static TermMatch municipality(String name, String text, List<Token> tokens, int from, int to) {
        Term term = new Term(
                EntityKind.PARTNER,
                "partner:" + Slugs.slug(name),
                name,
                Map.of("kind", "municipality"),
                List.of(name),
                0,
                "");
        Token first = tokens.get(from);
        Token last = tokens.get(to - 1);
        return new TermMatch(term, from, to, first.start(), last.end(), text.substring(first.start(), last.end()));
    }

    /** A pattern word's key: the word itself, or for an inflecting word its first three letters. */
    private static String key(PatternToken t) {
        String lower = t.text().toLowerCase(Locale.ROOT);
        return t.mode() == Mode.INFLECT ? "~" + lower.substring(0, 3) : lower;
    }

    /** The keys a text word can match: itself, without a genitive s, and its first three letters. */
    private static List<String> keys(String lowerWord) {
        List<String> keys = new ArrayList<>(3);
        keys.add(lowerWord);
        if (lowerWord.length() > 2 && lowerWord.endsWith("s")) {
            keys.add(lowerWord.substring(0, lowerWord.length() - 1));
        }
        if (lowerWord.length() >= 3) {
            keys.add("~" + lowerWord.substring(0, 3));
        }
        return keys;
    }
}
