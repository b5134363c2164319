package no.govgraph.ingest.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the layout of a passage: its sentences (wrapped lines joined, headings and signature lines
 * kept apart) and its result tables (a header naming result and target columns, then rows of an
 * indicator and figures), whether the table arrives as tab-separated cells, as columns padded with
 * spaces, one cell per line, or as PDF lines that split a row over two lines.
 */
final class PassageLayout {

    /** A part of a passage, in order. */
    sealed interface Item permits Sentence, TableRow {
        String quote();
    }

    /** A sentence; {@code heading} when it stands alone on a short line without final punctuation. */
    record Sentence(String text, boolean heading) implements Item {
        @Override
        public String quote() {
            return normalize(text);
        }
    }

    /** A column of a result table: a result or a target, for a year if the header names one. */
    record Column(boolean target, String year, String unit, boolean other) {
        Column(boolean target, String year, String unit) {
            this(target, year, unit, false);
        }
    }

    /** A row of a result table: its indicator label and one cell per column (empty where none). */
    record TableRow(String label, List<Optional<Numbers.Figure>> cells, List<Column> columns, String quote)
            implements Item {
        TableRow {
            cells = List.copyOf(cells);
            columns = List.copyOf(columns);
        }
    }

    private static final Pattern HEADER_START = Pattern.compile(
            "^\\s*(indikator|indicator|nøkkeltal|måltal|resultatindikator|resultatmål|måleindikator|measure|kpi)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RESULT_WORD =
            Pattern.compile("\\b(resultat|result|oppnådd|faktisk|actual)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TARGET_WORD =
            Pattern.compile("\\b(mål|target|måltal+|goal)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN = Pattern.compile(
            "(?<word>resultat|result|oppnådd|faktisk|actual|målsetting|mål|målet|target|måltal+|goal|ambisjon"
                    + "|avvik|deviation|differanse|endring|change)"
                    + "(?:\\s+(?:for\\s+|i\\s+)?(?<year>(?:19|20)\\d\\d))?(?:\\s*\\((?<unit>[^)]*)\\))?"
                    + "|(?<bare>(?:19|20)\\d\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN_LINE = Pattern.compile(
            "^(resultat|result|oppnådd|faktisk|actual|mål|målet|target|måltal+|goal|ambisjon|(19|20)\\d\\d)"
                    + "(\\s+(19|20)\\d\\d)?(\\s*\\([^)]*\\))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+[\\p{Lu}\\d«\"(])");
    private static final Set<String> ABBREVIATIONS = Set.of(
            "bl", "ca", "nr", "jf", "dvs", "mv", "osv", "eks", "pkt", "evt", "kl", "inkl", "ekskl", "tlf", "mill",
            "mrd", "st", "dr", "mr", "mrs", "ms", "vs", "etc", "avd", "ref", "v", "f", "a", "e", "i", "ifm", "iht",
            "jfr", "ang", "no", "prof", "stud");
    private static final int MAX_TABLE_LINES = 60;

    private PassageLayout() {}

    static List<Item> read(String text, boolean english) {
        List<Item> items = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        List<String> chunk = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            if (isFlowTable(line)) {
                // A whole table on one line: the pipeline (or a PDF paragraph) collapsed its rows.
                sentences(chunk, items);
                chunk.clear();
                flowTable(line.strip(), english, items);
                i++;
                continue;
            }
            if (isHeader(line)) {
                TableParse table = table(lines, i, english);
                if (!table.rows().isEmpty()) {
                    sentences(chunk, items);
                    chunk.clear();
                    items.addAll(table.rows());
                    i = table.next();
                    continue;
                }
            }
            if (line.isBlank()) {
                sentences(chunk, items);
                chunk.clear();
            } else if (!Regexes.matches(line.strip(), "[=_~*-]{3,}")) {
                // A text file's underline under a title is no text.
                chunk.add(line.replace('\t', ' ')
                        .replaceAll("\\s*[=_~]{3,}\\s*$", "")
                        .strip());
            }
            i++;
        }
        sentences(chunk, items);
        return List.copyOf(items);
    }

    // ---- sentences ----

    private static void sentences(List<String> lines, List<Item> items) {
        if (lines.isEmpty()) {
            return;
        }
        List<List<String>> groups = new ArrayList<>();
        List<String> group = new ArrayList<>();
        for (String line : lines) {
            if (!group.isEmpty() && boundary(group.get(group.size() - 1), line)) {
                groups.add(group);
                group = new ArrayList<>();
            }
            group.add(line);
        }
        groups.add(group);
        for (List<String> g : groups) {
            String joined = String.join("\n", g);
            boolean heading = g.size() == 1
                    && !Regexes.matches(joined, "(?s).*[.!?;,]$")
                    && joined.length() < 100
                    && joined.split("\\s+").length <= 12;
            for (String s : split(joined)) {
                items.add(new Sentence(s, heading));
            }
        }
    }

    private static boolean boundary(String previous, String next) {
        String p = previous.strip();
        if (Regexes.matches(p, "(?s).*[.!?:;]$")) {
            return true;
        }
        if (Regexes.matches(next, "^([•*–-]|\\d+[.)]\\s).*")) {
            return true;
        }
        if (p.endsWith("-") || p.endsWith(",")) {
            return false;
        }
        // A short line, or a title of a few words followed by a capitalised line, stands alone.
        return p.length() < 45
                || p.split("\\s+").length <= 8 && !next.isEmpty() && Character.isUpperCase(next.charAt(0));
    }

    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        Matcher m = SENTENCE_END.matcher(text);
        int start = 0;
        while (m.find()) {
            String before = text.substring(Math.max(start, m.start() - 20), m.start());
            String lastWord = before.replaceAll("(?s).*?([\\p{L}]+)$", "$1");
            boolean abbreviation = Regexes.matches(before, "(?s).*[\\p{L}]$")
                    && (ABBREVIATIONS.contains(lastWord.toLowerCase(Locale.ROOT))
                            || (lastWord.length() == 1 && Character.isUpperCase(lastWord.charAt(0))));
            if (abbreviation) {
                continue;
            }
            sentences.add(text.substring(start, m.end()).strip());
            start = m.end();
        }
        if (start < text.length() && !text.substring(start).isBlank()) {
            sentences.add(text.substring(start).strip());
        }
        return sentences;
    }

    /** The quote of a text: one line, words hyphenated over a line break joined. */
    static String normalize(String text) {
        return text.replaceAll("(?<=\\p{Ll})-\\s*\\n\\s*(?=\\p{Ll})", "")
                .replaceAll("\\s+", " ")
                .strip();
    }

    // ---- tables ----

    private static final Pattern FLOW_HEADER = Pattern.compile(
            "^(?<first>\\S+)(?<columns>(?:\\s+(?:(?:resultat|result|oppnådd|faktisk|actual|mål|målet|target|måltal\\w*"
                    + "|målsetting|goal|ambisjon|avvik|deviation|differanse|endring|change)(?:\\s+(?:for\\s+|i\\s+)?"
                    + "(?:19|20)\\d\\d)?(?:\\s*\\([^)]*\\))?|(?:19|20)\\d\\d))+)\\s+(?<rest>\\S.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern VALUE_TOKEN = Pattern.compile("[-+−–]?\\d+(?:[,.]\\d+)?");
    private static final Pattern UNIT_TOKEN =
            Pattern.compile("%|prosent|dager|dagar|days|pst\\.?", Pattern.CASE_INSENSITIVE);

    /** A line that starts like a result table's header and goes on with its rows. */
    private static boolean isFlowTable(String line) {
        String l = line.strip();
        if (l.length() < 60 || l.contains("\t") || l.contains(" | ")) {
            return false;
        }
        Matcher m = FLOW_HEADER.matcher(l);
        if (!m.matches() || columns(m.group("columns")).isEmpty()) {
            return false;
        }
        boolean headed = HEADER_START.matcher(l).find()
                || RESULT_WORD.matcher(m.group("columns")).find()
                        && TARGET_WORD.matcher(m.group("columns")).find();
        long figures = VALUE_TOKEN.matcher(m.group("rest")).results().count();
        return headed && figures >= 2;
    }

    /** Reads rows from a table whose rows run on in one line: label words, then figures, then the next label. */
    private static void flowTable(String line, boolean english, List<Item> items) {
        Matcher m = FLOW_HEADER.matcher(line);
        if (m.matches()) {
            flowRows(List.of(m.group("rest").split("\\s+")), columns(m.group("columns")), english, items);
        }
    }

    private static void flowRows(List<String> tokens, List<Column> columns, boolean english, List<Item> items) {
        List<String> label = new ArrayList<>();
        List<String> values = new ArrayList<>();
        TableRow previous = null;
        List<String> previousLabel = List.of();
        int k = 0;
        while (k < tokens.size()) {
            String t = tokens.get(k);
            boolean value = VALUE_TOKEN.matcher(t).matches()
                    || Numbers.isDash(t)
                    || (!values.isEmpty() && UNIT_TOKEN.matcher(t).matches());
            if (value && VALUE_TOKEN.matcher(t).matches() && values.isEmpty()) {
                // A number inside a label ("Dialogmøte 2 innen 26 uker") is followed by a word, not a figure.
                String next = k + 1 < tokens.size() ? tokens.get(k + 1) : "";
                boolean figureFollows = next.isEmpty()
                        || UNIT_TOKEN.matcher(next).matches()
                        || VALUE_TOKEN.matcher(next).matches()
                        || Numbers.isDash(next)
                        || Character.isUpperCase(next.charAt(0));
                if (!figureFollows) {
                    value = false;
                }
            }
            if (value) {
                values.add(t);
                k++;
                continue;
            }
            if (!values.isEmpty()) {
                previous = row(label, values, columns, english);
                previousLabel = List.copyOf(label);
                if (previous != null) {
                    items.add(previous);
                }
                label.clear();
                values.clear();
            }
            if (label.isEmpty() && previous != null && continues(t)) {
                // The end of the previous row's label, wrapped below its figures.
                List<String> longer = new ArrayList<>(previousLabel);
                longer.add(t);
                items.remove(items.size() - 1);
                previousLabel = longer;
                previous = new TableRow(
                        String.join(" ", longer), previous.cells(), previous.columns(), previous.quote() + " " + t);
                items.add(previous);
                k++;
                continue;
            }
            previous = null;
            label.add(t);
            k++;
            if (label.size() > 14) {
                break; // running text after the table
            }
        }
        if (!values.isEmpty()) {
            TableRow last = row(label, values, columns, english);
            if (last != null) {
                items.add(last);
            }
        } else {
            List<String> rest = new ArrayList<>(label);
            rest.addAll(tokens.subList(k, tokens.size()));
            if (!rest.isEmpty()) {
                for (String sentence : split(String.join(" ", rest))) {
                    items.add(new Sentence(sentence, false));
                }
            }
        }
    }

    private static boolean continues(String token) {
        char c = token.charAt(0);
        return Character.isLowerCase(c) || c == '(' && token.length() > 1 && Character.isLowerCase(token.charAt(1));
    }

    private static TableRow row(List<String> label, List<String> values, List<Column> columns, boolean english) {
        if (label.isEmpty()) {
            return null;
        }
        String l = String.join(" ", label);
        return new TableRow(l, group(values, columns.size(), english), columns, l + " " + String.join(" ", values));
    }

    private record TableParse(List<TableRow> rows, int next) {}

    private static boolean isHeader(String line) {
        String l = line.replace('\t', ' ').strip();
        if (l.isEmpty() || l.length() > 120 || Regexes.matches(l, ".*[.!?]$")) {
            return false;
        }
        if (HEADER_START.matcher(l).find()) {
            return true;
        }
        return RESULT_WORD.matcher(l).find() && TARGET_WORD.matcher(l).find() && l.split("\\s+").length <= 10;
    }

    private static List<Column> columns(String header) {
        List<Column> columns = new ArrayList<>();
        Matcher m = COLUMN.matcher(header);
        while (m.find()) {
            String unit = m.group("unit") == null
                    ? ""
                    : Numbers.labelUnit("(" + m.group("unit") + ")").orElse("");
            if (m.group("bare") != null) {
                columns.add(new Column(false, m.group("bare"), ""));
            } else {
                if (Regexes.matches(
                        m.group("word").toLowerCase(Locale.ROOT), "avvik|deviation|differanse|endring|change")) {
                    columns.add(new Column(false, "", "", true));
                    continue;
                }
                boolean target = TARGET_WORD.matcher(m.group("word")).matches()
                        || m.group("word").toLowerCase(Locale.ROOT).startsWith("mål")
                        || m.group("word").equalsIgnoreCase("ambisjon");
                columns.add(new Column(target, m.group("year") == null ? "" : m.group("year"), unit));
            }
        }
        return columns;
    }

    /** Parses the table whose header is at {@code lines[start]}. */
    private static TableParse table(String[] lines, int start, boolean english) {
        StringBuilder header = new StringBuilder(lines[start].replace('\t', ' '));
        int i = start + 1;
        // Header cells may come one per line.
        while (i < lines.length) {
            String l = lines[i].strip();
            if (l.isEmpty()) {
                i++;
                continue;
            }
            if (COLUMN_LINE.matcher(l).matches()) {
                header.append(' ').append(l);
                i++;
            } else {
                break;
            }
        }
        String headerText = header.toString().replaceFirst("(?i)^\\s*\\S+", "");
        List<Column> columns = columns(headerText);
        if (columns.isEmpty()) {
            return new TableParse(List.of(), start);
        }
        List<TableRow> rows = new ArrayList<>();
        RowBuilder row = null;
        int rowStart = i;
        int lastUseful = i;
        boolean rowPerLine = false;
        for (int seen = 0; i < lines.length && seen < MAX_TABLE_LINES; i++, seen++) {
            String line = lines[i];
            if (line.isBlank()) {
                if (rowPerLine && !rows.isEmpty() && row != null && !row.values.isEmpty()) {
                    break;
                }
                continue;
            }
            if (!line.contains("\t") && !line.contains("|") && !Regexes.matches(line, ".*\\S {2,}\\S.*")) {
                List<Item> flow = new ArrayList<>();
                flowRows(List.of(line.strip().split("\\s+")), columns, english, flow);
                if (flow.stream().filter(TableRow.class::isInstance).count() >= 2) {
                    // Several rows on one line: a PDF paragraph or a pipeline collapsed them.
                    if (row != null && !row.values.isEmpty()) {
                        rows.add(row.build(columns));
                    }
                    row = null;
                    flow.stream()
                            .filter(TableRow.class::isInstance)
                            .map(TableRow.class::cast)
                            .forEach(rows::add);
                    rowPerLine = true;
                    lastUseful = i + 1;
                    continue;
                }
            }
            Cells cells = cells(line, columns.size(), english);
            if (!cells.label().isEmpty() && !cells.values().isEmpty() && !line.contains("\t") && !line.contains("|")) {
                // Rows of running text (PDF, padded plain text) end at a blank line; cells with
                // separators may have blank lines between rows.
                rowPerLine = true;
            }
            if (cells.label().isEmpty() && cells.values().isEmpty()) {
                break;
            }
            if (cells.values().isEmpty() && endsTable(cells.label())) {
                break;
            }
            if (!cells.label().isEmpty()) {
                // A label continues the row above when it starts in lower case (a PDF wrapped it), or
                // when the row above has no figures yet and its label is unfinished ("… for personer med").
                boolean continuation = row != null
                        && (startsLower(cells.label())
                                        && (row.values.isEmpty()
                                                || cells.values().isEmpty())
                                || row.values.isEmpty() && unfinished(row.label.toString()));
                if (continuation) {
                    row.label.append(' ').append(cells.label());
                    row.quote.append('\n').append(line.strip());
                } else {
                    if (row != null && !row.values.isEmpty()) {
                        rows.add(row.build(columns));
                        lastUseful = i;
                    }
                    row = new RowBuilder(cells.label(), line.strip());
                    rowStart = i;
                }
            } else if (row != null) {
                row.quote.append('\n').append(line.strip());
            }
            if (!cells.values().isEmpty()) {
                if (row == null) {
                    break;
                }
                row.values.addAll(cells.values());
                lastUseful = i + 1;
            }
        }
        int next;
        if (row != null && !row.values.isEmpty()) {
            rows.add(row.build(columns));
            next = i;
        } else {
            next = row == null ? lastUseful : rowStart;
        }
        return new TableParse(rows, Math.max(next, start + 1));
    }

    private static boolean endsTable(String label) {
        String l = label.strip();
        if (Regexes.matches(l, "(?s).*\\p{Ll}[.!?] \\p{Lu}.*")) {
            return true; // running text, not a label
        }
        return Regexes.matches(l, "(?s).*[.!?:]$") && l.split("\\s+").length >= 4 || l.length() > 90;
    }

    private static boolean unfinished(String label) {
        return Regexes.matches(label, "(?is).*(?:[-,]|\\b(?:og|for|med|i|til|av|and|of|with|in))$");
    }

    private static boolean startsLower(String s) {
        return !s.isEmpty() && Character.isLowerCase(s.charAt(0));
    }

    private static final class RowBuilder {
        final StringBuilder label;
        final StringBuilder quote;
        final List<Optional<Numbers.Figure>> values = new ArrayList<>();

        RowBuilder(String label, String quote) {
            this.label = new StringBuilder(label);
            this.quote = new StringBuilder(quote);
        }

        TableRow build(List<Column> columns) {
            String q =
                    quote.toString().replace('\t', ' ').replaceAll("\\s+", " ").strip();
            return new TableRow(label.toString().strip(), values, columns, q);
        }
    }

    private record Cells(String label, List<Optional<Numbers.Figure>> values) {}

    /** A table line as a label and figures; {@code n} is the number of figure columns. */
    private static Cells cells(String line, int n, boolean english) {
        String l = line.strip();
        List<String> parts;
        if (l.contains("\t")) {
            parts = List.of(l.split("\t+"));
        } else if (Regexes.matches(l, ".*\\S {2,}\\S.*")) {
            parts = List.of(l.split(" {2,}"));
        } else if (l.contains("|")) {
            parts = List.of(l.replaceAll("^\\||\\|$", "").split("\\|"));
        } else {
            return singleCell(l, n, english);
        }
        String label = "";
        List<Optional<Numbers.Figure>> values = new ArrayList<>();
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            Optional<Numbers.Figure> figure = Numbers.cell(p, english);
            if (figure.isPresent() && figure.get().kind() != Numbers.Kind.OTHER) {
                values.add(figure);
            } else if (Numbers.isDash(p)) {
                values.add(Optional.empty());
            } else if (values.isEmpty() && label.isEmpty()) {
                label = p;
            } else {
                values.add(Optional.empty());
            }
        }
        return new Cells(label, values);
    }

    private static final Pattern TAIL_TOKEN =
            Pattern.compile("[-+−–]?\\d+(?:[,.]\\d+)?|%|prosent|dager|dagar|days|[–—-]", Pattern.CASE_INSENSITIVE);

    /** A line without cell separators: one cell, or a PDF row whose figures trail its label. */
    private static Cells singleCell(String l, int n, boolean english) {
        Optional<Numbers.Figure> whole = Numbers.cell(l, english).filter(f -> f.kind() == Numbers.Kind.VALUE);
        if (whole.isPresent()) {
            return new Cells("", List.of(whole));
        }
        if (Numbers.isDash(l)) {
            List<Optional<Numbers.Figure>> none = new ArrayList<>();
            none.add(Optional.empty());
            return new Cells("", none);
        }
        String[] tokens = l.split("\\s+");
        int k = tokens.length;
        while (k > 0 && TAIL_TOKEN.matcher(tokens[k - 1]).matches()) {
            k--;
        }
        List<String> tail = List.of(tokens).subList(k, tokens.length);
        if (tail.stream().noneMatch(t -> Regexes.matches(t, "\\d.*"))
                || (tail.size() == 1 && Regexes.matches(tail.get(0), "\\d{1,2}"))) {
            // No figures, or one small bare number that belongs to the label ("Dialogmøte 2").
            return new Cells(l, List.of());
        }
        String label = String.join(" ", List.of(tokens).subList(0, k));
        return new Cells(label, group(tail, n, english));
    }

    /** Groups trailing tokens into figures, joining thousands ("1 480") so that n figures result if possible. */
    private static List<Optional<Numbers.Figure>> group(List<String> tail, int n, boolean english) {
        // Prefer n figures of one order of magnitude ("210 200" is two; "2 310" is one, the target empty).
        List<List<String>> best = null;
        int bestScore = Integer.MIN_VALUE;
        for (List<List<String>> parse : parses(tail, 0)) {
            int score = (parse.size() == n ? 2 : parse.size() < n ? 1 : -5) + (plausible(parse, english) ? 4 : 0);
            if (score > bestScore) {
                best = parse;
                bestScore = score;
            }
        }
        List<Optional<Numbers.Figure>> values = new ArrayList<>();
        for (List<String> group : best == null ? List.<List<String>>of() : best) {
            String text = String.join(" ", group);
            if (Numbers.isDash(text)) {
                values.add(Optional.empty());
            } else {
                values.add(Numbers.cell(text, english));
            }
        }
        return values;
    }

    private static boolean plausible(List<List<String>> parse, boolean english) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (List<String> group : parse) {
            Optional<Numbers.Figure> f = Numbers.cell(String.join(" ", group), english);
            if (f.isPresent() && f.get().value() > 0) {
                min = Math.min(min, f.get().value());
                max = Math.max(max, f.get().value());
            }
        }
        return max == 0 || max / min <= 10;
    }

    /** Every way to read the tokens as figures, fewest figures (most thousands joined) first. */
    private static List<List<List<String>>> parses(List<String> tokens, int from) {
        List<List<List<String>>> result = new ArrayList<>();
        if (from >= tokens.size()) {
            result.add(new ArrayList<>());
            return result;
        }
        String first = tokens.get(from);
        if (!Regexes.matches(first, "[-+−–]?\\d.*") && !Numbers.isDash(first)) {
            // a stray unit: attach nothing, skip it
            return parses(tokens, from + 1);
        }
        List<Integer> ends = new ArrayList<>();
        int end = from + 1;
        ends.add(end);
        if (Regexes.matches(first, "\\d{1,3}")) {
            while (end < tokens.size() && Regexes.matches(tokens.get(end), "\\d{3}(?:,\\d+)?")) {
                end++;
                ends.add(0, end);
            }
        }
        for (int e : ends) {
            int withUnit = e;
            if (withUnit < tokens.size() && Regexes.matches(tokens.get(withUnit), "(?i)%|prosent|dager|dagar|days")) {
                withUnit++;
            }
            for (List<List<String>> rest : parses(tokens, withUnit)) {
                List<List<String>> parse = new ArrayList<>();
                parse.add(tokens.subList(from, withUnit));
                parse.addAll(rest);
                result.add(parse);
            }
        }
        result.sort((a, b) -> Integer.compare(a.size(), b.size()));
        return result;
    }
}
