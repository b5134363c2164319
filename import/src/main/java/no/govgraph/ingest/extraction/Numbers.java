package no.govgraph.ingest.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as governance documents write them: decimal comma ("62,4"), space as thousands separator
 * ("1 480"), English "59.8" and "1,950", with their unit (%, "prosent", "per cent", days, persons,
 * points). Years, dates, clock times, section numbers and scale ranges are told apart from figures.
 */
final class Numbers {

    /** A number in a text. */
    record Figure(double value, String unit, int start, int end, Kind kind) {

        /** The end of the number itself, before its unit. */
        int numberEnd(String text) {
            int e = start;
            while (e < end && (Character.isDigit(text.charAt(e)) || ",. \u00A0\u202F".indexOf(text.charAt(e)) >= 0)) {
                e++;
            }
            return e;
        }
    }

    enum Kind {
        /** A measured figure (or a target, decided by the caller). */
        VALUE,
        /** A year, e.g. 2019. */
        YEAR,
        /** A date, clock time, section number, range, age or duration: not an outcome figure. */
        OTHER
    }

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\d,.])(\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+|\\d+)(?:([,.])(\\d+))?(?![\\d\\p{L}])");
    private static final Pattern DATE = Pattern.compile("(?<![\\d.])\\d{1,2}\\.\\d{1,2}\\.((?:19|20)\\d\\d)(?!\\d)");
    private static final Pattern PERCENT =
            Pattern.compile("^\\s*(%|prosent\\b|per cent\\b|percent\\b|pst\\b\\.?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAYS = Pattern.compile(
            "^\\s*(dager|dagar|days|døgn|virkedager|arbeidsdager|dag|day)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNT = Pattern.compile(
            "^\\s*(personer|personar|deltakere|deltakarar|mottakere|mottakarar|brukere|brukarar|participants|recipients|people|persons|stk|arbeidsevnevurderinger|vurderinger|saker)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SCORE = Pattern.compile("^\\s*(poeng|points)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_FIGURE_AFTER = Pattern.compile(
            "^\\s*(uker|veker|weeks|måneder|månader|months|år|years|timer|hours|minutter|kr\\b|kroner|NOK|årsverk|ganger|gonger|times|prosentpoeng|percentage points"
                    + "|\\.\\s*(januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_A_FIGURE_BEFORE = Pattern.compile(
            "(§|kl\\.?|klokka|klokken|nr\\.?|side|skala|scale|skala fra|skala frå|scale from|scale of|under"
                    + "|(skala|scale)\\s+(fra|frå|from|of)?\\s*\\d+\\s*(til|to)|\\d\\s+(av|of|out of))\\s*$",
            Pattern.CASE_INSENSITIVE);

    private Numbers() {}

    /** The numbers of {@code text}; {@code english} reads "1,950" as 1950 rather than 1.95. */
    static List<Figure> figures(String text, boolean english) {
        List<Figure> figures = new ArrayList<>();
        // A date ("31.12.2019") is its year, not three numbers.
        List<int[]> dates = new ArrayList<>();
        Matcher d = DATE.matcher(text);
        while (d.find()) {
            dates.add(new int[] {d.start(), d.end()});
            figures.add(new Figure(Double.parseDouble(d.group(1)), "", d.start(), d.end(), Kind.YEAR));
        }
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            int at = m.start();
            if (dates.stream().anyMatch(r -> at >= r[0] && at < r[1])) {
                continue;
            }
            String integer = m.group(1).replaceAll("[ \\u00A0\\u202F]", "");
            String separator = m.group(2);
            String fraction = m.group(3);
            double value;
            boolean grouped = m.group(1).length() != integer.length();
            if (separator == null) {
                value = Double.parseDouble(integer);
            } else if (fraction.length() == 3 && !grouped && (english == separator.equals(","))) {
                // "1,950" in English and "1.950" in Norwegian are thousands.
                value = Double.parseDouble(integer + fraction);
            } else {
                value = Double.parseDouble(integer + "." + fraction);
            }
            // Only the words around a number decide what it is; bounded so long texts stay linear.
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 40));
            String before = text.substring(Math.max(0, m.start() - 30), m.start());
            String unit = unit(after);
            Kind kind = Kind.VALUE;
            boolean whole = separator == null && !grouped;
            if (NOT_A_FIGURE_AFTER.matcher(after).find()
                    || NOT_A_FIGURE_BEFORE.matcher(before).find()) {
                kind = Kind.OTHER;
            } else if (Regexes.matches(after, "(?s)^\\s*[–-]\\s*\\d.*")
                    || Regexes.matches(before, "(?s).*\\d\\s*[–-]\\s*$")) {
                kind = Kind.OTHER; // a range such as 1–6
            } else if (whole && integer.length() == 4 && value >= 1950 && value <= 2099 && unit.isEmpty()) {
                kind = Kind.YEAR;
            } else if (whole
                    && Regexes.matches(after, "(?s)^\\.\\s*\\p{Lu}.*")
                    && value < 100
                    && lineStart(text, m.start())) {
                kind = Kind.OTHER; // a numbered heading or list item: "2. Resultater"
            } else if (separator != null
                    && separator.equals(".")
                    && fraction.length() == 2
                    && Regexes.matches(before, "(?s).*(kl\\.?|klokka|klokken)\\s*$")) {
                kind = Kind.OTHER;
            }
            figures.add(new Figure(value, unit, m.start(), m.end() + unitLength(after), kind));
        }
        figures.sort(java.util.Comparator.comparingInt(Figure::start));
        return figures;
    }

    private static boolean lineStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** The unit right after a number: "%", "days", "count", "score", or "" if none is written. */
    static String unit(String after) {
        if (PERCENT.matcher(after).find()) {
            return "%";
        }
        if (DAYS.matcher(after).find()) {
            return "days";
        }
        if (COUNT.matcher(after).find()) {
            return "count";
        }
        if (SCORE.matcher(after).find()) {
            return "score";
        }
        return "";
    }

    private static int unitLength(String after) {
        for (Pattern p : List.of(PERCENT, DAYS, COUNT, SCORE)) {
            Matcher m = p.matcher(after);
            if (m.find()) {
                return m.end();
            }
        }
        return 0;
    }

    /** A unit named in a table's label or header: "(%)", "(dager)", "(antall)", "(skala 1–6)". */
    static Optional<String> labelUnit(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.contains("(%)") || l.contains("prosent") || l.contains("andel") || l.contains("share")) {
            return Optional.of("%");
        }
        if (l.contains("dager") || l.contains("dagar") || l.contains("days")) {
            return Optional.of("days");
        }
        if (l.contains("antall") || l.contains("talet") || l.contains("number") || l.contains("deltakere")) {
            return Optional.of("count");
        }
        if (l.contains("skala") || l.contains("scale") || l.contains("poeng") || l.contains("score")) {
            return Optional.of("score");
        }
        return Optional.empty();
    }

    /** A single table cell holding one figure (or a dash for none). */
    static Optional<Figure> cell(String cell, boolean english) {
        String c = cell.strip();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        List<Figure> figures = figures(c, english);
        if (figures.size() == 1 && figures.get(0).start() == 0 && figures.get(0).end() >= c.length() - 1) {
            return Optional.of(figures.get(0));
        }
        return Optional.empty();
    }

    static boolean isDash(String cell) {
        return Regexes.matches(cell.strip(), "[–—-]|n/a|—|\\.\\.");
    }
}
