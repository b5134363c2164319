package no.govgraph.bench.corpus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import no.govgraph.bench.corpus.Vocabulary.Office;

/**
 * Writes one generated document as a source in the sample corpus's syntax (YAML front matter, a
 * Markdown-like body with {@code ===page===} between pages), to be rendered by the sample corpus's
 * renderers. Every page is one heading, two or three paragraphs of Norwegian (bokmål) sentences that
 * name offices, municipalities, county units, leaders, tools and outcome figures, and on some pages
 * a small table; a page always fits on one A4 page of the PDF renderer.
 */
final class DocumentPlan {

    /** What a document is; the share of the corpus, the formats it comes in and its page range. */
    enum Kind {
        AGREEMENT("samarbeidsavtale", 12, 2, 10, "pdf", "pdf", "docx", "odt", "doc"),
        MANAGEMENT_LETTER("mdb", 15, 2, 6, "pdf", "pdf", "pdf", "docx", "rtf"),
        PLAN("virksomhetsplan", 12, 4, 20, "docx", "pdf", "odt"),
        REPORT("arsrapport", 15, 6, 40, "pdf", "pdf", "html", "docx"),
        INTERVIEW("intervju", 14, 1, 6, "txt", "docx", "odt", "rtf"),
        MINUTES("referat", 7, 1, 3, "html", "txt", "docx"),
        EMAIL("epost", 20, 1, 1, "eml"),
        ARCHIVE("dokumenter", 5, 0, 0, "zip");

        final String slug;
        final int weight;
        final int minPages;
        final int maxPages;
        final List<String> formats;

        Kind(String slug, int weight, int minPages, int maxPages, String... formats) {
            this.slug = slug;
            this.weight = weight;
            this.minPages = minPages;
            this.maxPages = maxPages;
            this.formats = List.of(formats);
        }

        static Kind pick(SplittableRandom random) {
            int total = 0;
            for (Kind k : values()) {
                total += k.weight;
            }
            int r = random.nextInt(total);
            for (Kind k : values()) {
                r -= k.weight;
                if (r < 0) {
                    return k;
                }
            }
            throw new IllegalStateException();
        }

        /** Pages skewed towards the short end, as in real archives: most letters are short, few reports long. */
        int pages(SplittableRandom random) {
            double u = random.nextDouble();
            return minPages + (int) Math.floor(u * u * (maxPages - minPages + 1));
        }
    }

    private static final String[] FIRST_NAMES = {
        "Kari", "Ola", "Ingrid", "Lars", "Anne", "Per", "Marit", "Jon", "Hilde", "Knut", "Liv", "Geir", "Tone", "Bjørn",
        "Siri", "Espen", "Randi", "Trond", "Astrid", "Øystein"
    };
    private static final String[] LAST_NAMES = {
        "Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Berg", "Haugen", "Strand",
        "Bakke", "Lie", "Dahl", "Moen", "Solberg", "Sæther", "Holm", "Nygård", "Lund", "Aas"
    };
    private static final String[] MONTHS = {
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember"
    };

    private final Vocabulary vocabulary;
    private final SplittableRandom random;
    private final Office office;
    private final String county;
    private final String leader;
    private final int year;
    private final LocalDate date;
    private int tables;

    DocumentPlan(Vocabulary vocabulary, SplittableRandom random) {
        this.vocabulary = vocabulary;
        this.random = random;
        this.office = pick(vocabulary.offices());
        this.county = pick(vocabulary.counties());
        this.leader = person();
        this.year = 2012 + random.nextInt(12);
        this.date = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28));
    }

    Office office() {
        return office;
    }

    int year() {
        return year;
    }

    /** Tables written so far. */
    int tables() {
        return tables;
    }

    /** The source of a document of {@code kind} with {@code pages} pages, to be saved as {@code file}. */
    String source(Kind kind, String file, int pages, List<String> contains) {
        String title = title(kind);
        StringBuilder sb = new StringBuilder();
        sb.append("---\n");
        field(sb, "file", file);
        field(sb, "title", title);
        field(sb, "author", kind == Kind.MANAGEMENT_LETTER ? county : office.name());
        sb.append("created: ").append(date).append('\n');
        sb.append("language: nb\n");
        if (kind == Kind.EMAIL) {
            String sender = leader;
            field(sb, "from", sender + " <" + mailbox(sender) + ">");
            field(sb, "to", "Ledergruppen <ledergruppen." + ascii(office.place()) + "@nav.invalid>");
            field(sb, "subject", title);
            field(
                    sb,
                    "date",
                    OffsetDateTime.of(date.atTime(9 + random.nextInt(8), random.nextInt(60)), ZoneOffset.ofHours(1))
                            .format(DateTimeFormatter.RFC_1123_DATE_TIME));
        }
        if (!contains.isEmpty()) {
            sb.append("contains:\n");
            contains.forEach(c -> sb.append("  - \"").append(c).append("\"\n"));
        }
        sb.append("---\n");
        if (kind == Kind.EMAIL) {
            email(sb);
        } else if (kind != Kind.ARCHIVE) {
            body(sb, kind, title, pages);
        }
        return sb.toString();
    }

    String title(Kind kind) {
        return switch (kind) {
            case AGREEMENT -> "Samarbeidsavtale " + office.name();
            case MANAGEMENT_LETTER -> "Mål- og disponeringsbrev " + year + " " + office.name();
            case PLAN -> "Virksomhetsplan " + year + " for " + office.name();
            case REPORT -> "Årsrapport " + year + " " + office.name();
            case INTERVIEW -> "Intervjunotat, " + office.name() + " " + year;
            case MINUTES -> "Referat fra partnerskapsmøte i " + office.name();
            case EMAIL -> "Oppfølging av resultater i " + office.name();
            case ARCHIVE -> "Dokumenter " + office.name() + " " + year;
        };
    }

    private void body(StringBuilder sb, Kind kind, String title, int pages) {
        sb.append("# ").append(title).append("\n\n");
        if (kind == Kind.MANAGEMENT_LETTER) {
            sb.append("Til: ")
                    .append(office.name())
                    .append(", v/ NAV-leder ")
                    .append(leader)
                    .append("\\\n");
            sb.append("Fra: ").append(county).append("\\\n");
            sb.append("Dato: ").append(longDate()).append("\n\n");
        } else if (kind == Kind.INTERVIEW) {
            sb.append("Intervju med ")
                    .append(leader)
                    .append(", leder av ")
                    .append(office.name())
                    .append(", ")
                    .append(longDate())
                    .append(".\n\n");
        }
        for (int page = 1; page <= pages; page++) {
            if (page > 1) {
                sb.append("===page===\n\n");
            }
            sb.append("## ").append(page).append(". ").append(heading(kind)).append("\n\n");
            int paragraphs = 2 + random.nextInt(2);
            for (int p = 0; p < paragraphs; p++) {
                paragraph(sb, 3 + random.nextInt(3));
            }
            // Tables in the documents that have them in real life, on about a third of their pages.
            if ((kind == Kind.REPORT || kind == Kind.PLAN || kind == Kind.MANAGEMENT_LETTER)
                    && random.nextInt(3) == 0) {
                table(sb);
            }
        }
        if (kind == Kind.AGREEMENT || kind == Kind.MANAGEMENT_LETTER) {
            sb.append(office.place()).append(", ").append(longDate()).append("\n\n");
            sb.append(person()).append(", kommunedirektør\n\n");
            sb.append(leader).append(", NAV-leder\n");
        }
    }

    private void email(StringBuilder sb) {
        sb.append("Hei!\n\n");
        paragraph(sb, 2 + random.nextInt(3));
        paragraph(sb, 1 + random.nextInt(2));
        sb.append("Mvh\\\n")
                .append(leader)
                .append("\\\n")
                .append("NAV-leder, ")
                .append(office.name())
                .append('\n');
    }

    private String heading(Kind kind) {
        List<String> headings =
                switch (kind) {
                    case AGREEMENT -> List.of(
                            "Partene",
                            "Formål",
                            "Felles kontor",
                            "Styring og ledelse",
                            "Oppgaver",
                            "Økonomi",
                            "Partnerskapsmøter",
                            "Avvik og endringer");
                    case MANAGEMENT_LETTER -> List.of(
                            "Innledning", "Resultater", "Mål for året", "Ressurser", "Oppfølging", "Rapportering");
                    case PLAN -> List.of(
                            "Mål og satsinger",
                            "Brukerne",
                            "Arbeid og aktivitet",
                            "Kompetanse",
                            "Samarbeid",
                            "Tiltak",
                            "Risiko",
                            "Styringsverktøy");
                    case REPORT -> List.of(
                            "Sammendrag",
                            "Resultater",
                            "Måloppnåelse",
                            "Brukere og tjenester",
                            "Økonomi",
                            "Medarbeidere",
                            "Samarbeid med kommunen",
                            "Vurdering");
                    case INTERVIEW -> List.of(
                            "Bakgrunn", "Ledelse", "Styring", "Samarbeidet med kommunen", "Resultater", "Utfordringer");
                    case MINUTES -> List.of("Til stede", "Saker", "Oppfølging");
                    default -> List.of("Notat");
                };
        return headings.get(random.nextInt(headings.size()));
    }

    private void paragraph(StringBuilder sb, int sentences) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sentences; i++) {
            out.add(sentence());
        }
        sb.append(String.join(" ", out)).append("\n\n");
    }

    private void table(StringBuilder sb) {
        tables++;
        int from = year - 2 + random.nextInt(2);
        sb.append("| Resultatmål | ")
                .append(from)
                .append(" | ")
                .append(from + 1)
                .append(" | Mål ")
                .append(from + 2)
                .append(" |\n|---|---|---|---|\n");
        int rows = 3 + random.nextInt(4);
        for (int r = 0; r < rows; r++) {
            String outcome = pick(vocabulary.outcomes());
            sb.append("| ")
                    .append(Character.toUpperCase(outcome.charAt(0)))
                    .append(outcome.substring(1))
                    .append(" | ")
                    .append(percent())
                    .append(" % | ")
                    .append(percent())
                    .append(" % | ")
                    .append(percent())
                    .append(" % |\n");
        }
        sb.append('\n');
    }

    private String sentence() {
        String place = office.place();
        return switch (random.nextInt(16)) {
            case 0 -> office.name() + " er et partnerskap mellom " + place + " kommune og " + county + ".";
            case 1 -> "NAV-leder " + leader + " har ledet " + office.name() + " siden " + (year - 1 - random.nextInt(6))
                    + ".";
            case 2 -> "I " + year + " var " + pick(vocabulary.outcomes()) + " " + percent() + " prosent ved "
                    + office.name() + ".";
            case 3 -> "Målet for " + pick(vocabulary.outcomes()) + " i " + (year + 1) + " er " + percent()
                    + " prosent.";
            case 4 -> "Kontoret bruker " + lower(pick(vocabulary.tools())) + " i styringen av det daglige arbeidet.";
            case 5 -> office.name() + " har tatt i bruk " + lower(pick(vocabulary.tools())) + " etter avtale med "
                    + county + ".";
            case 6 -> "Partnerskapsmøtet mellom " + place + " kommune og " + county
                    + " behandler resultatene hvert kvartal.";
            case 7 -> "Andelen " + pick(vocabulary.outcomes()) + " økte fra " + percent() + " til " + percent()
                    + " prosent fra " + (year - 1) + " til " + year + ".";
            case 8 -> "Kommunen har ansvar for økonomisk sosialhjelp og kvalifiseringsprogrammet, mens staten har"
                    + " ansvar for arbeidsrettede tjenester og ytelser.";
            case 9 -> "Medarbeiderne ved kontoret følger opp brukerne tett, og ventetiden for første samtale er"
                    + " redusert til " + (2 + random.nextInt(12)) + " dager.";
            case 10 -> "Det ble gjennomført " + (3 + random.nextInt(40)) + " dialogmøter og "
                    + (10 + random.nextInt(300)) + " oppfølgingssamtaler i perioden.";
            case 11 -> "Resultatene drøftes i ledergruppen, og avvik følges opp med konkrete tiltak.";
            case 12 -> "Ifølge " + leader + " har samarbeidet med " + place + " kommune blitt bedre de siste årene.";
            case 13 -> "Budsjettet for " + year + " er " + (4 + random.nextInt(90)) + " millioner kroner, fordelt på"
                    + " statlige og kommunale midler.";
            case 14 -> "Kontoret har " + (8 + random.nextInt(120)) + " ansatte, hvorav " + (2 + random.nextInt(40))
                    + " er kommunalt ansatt.";
            default -> "Ungdom under 30 år prioriteres, og flere skal over i arbeid eller utdanning i " + place + ".";
        };
    }

    private String person() {
        return FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[random.nextInt(LAST_NAMES.length)];
    }

    private String percent() {
        return (20 + random.nextInt(70)) + "," + random.nextInt(10);
    }

    private String longDate() {
        return date.getDayOfMonth() + ". " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String lower(String s) {
        // Abbreviations (MTM, BMS) keep their capitals; names of tools are common nouns in running text.
        return s.length() > 1 && Character.isUpperCase(s.charAt(1)) ? s : s.toLowerCase(Locale.ROOT);
    }

    private static String mailbox(String person) {
        return ascii(person).replace('-', '.') + "@nav.invalid";
    }

    /** Lower-case ASCII for file and mailbox names (æ→ae ø→o å→a, anything else → '-'). */
    static String ascii(String s) {
        String t =
                s.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a");
        return t.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static void field(StringBuilder sb, String key, String value) {
        sb.append(key)
                .append(": \"")
                .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                .append("\"\n");
    }
}
