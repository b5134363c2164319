package no.govgraph.ingest.extraction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.govgraph.ingest.codebook.Codebook;
import no.govgraph.ingest.codebook.Slugs;
import no.govgraph.ingest.codebook.Term;
import no.govgraph.ingest.codebook.TermMatch;
import no.govgraph.ingest.codebook.TermMatcher;
import no.govgraph.ingest.extraction.DocumentText.PassageText;
import no.govgraph.ingest.extraction.PassageLayout.Item;
import no.govgraph.ingest.extraction.PassageLayout.Sentence;
import no.govgraph.ingest.extraction.PassageLayout.TableRow;
import no.govgraph.neo4j.model.RelType;

/**
 * govgraph's extractor: finds the codebook's offices, partners, tools and outcomes, the leaders of
 * offices, and the relationships between them, with the sentence or table row behind each one. The
 * rules follow how agreements, letters, plans, reports, interview notes and e-mails about NAV offices
 * are phrased (docs/EXTRACTION.md lists them). Pure and thread-safe: one instance serves every
 * import worker. {@link java.util.ServiceLoader} finds it through the no-argument constructor, which
 * uses {@link Codebook#defaults()}; {@code --vocabulary} gives {@code new
 * CodebookFactExtractor(Codebook.load(file))}.
 */
public final class CodebookFactExtractor implements FactExtractor {

    /** Claims below this confidence are "low" in the data-quality report. */
    public static final double LOW_CONFIDENCE = 0.6;

    private final TermMatcher matcher;
    private final Map<String, Term> officesByPlace = new HashMap<>();

    public CodebookFactExtractor() {
        this(Codebook.defaults());
    }

    public CodebookFactExtractor(Codebook codebook) {
        this.matcher = new TermMatcher(codebook);
        for (Term office : codebook.terms(EntityKind.OFFICE)) {
            Codebook.place(office.name())
                    .ifPresent(place -> officesByPlace.merge(
                            place.toLowerCase(Locale.ROOT), office, (a, b) -> a.priority() >= b.priority() ? a : b));
        }
    }

    @Override
    public Extraction extract(DocumentText document) {
        return new Run(document).extract();
    }

    // ---- rules as patterns ----

    private static final String NAME =
            "(?<name>\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?(?: \\p{Lu}\\.)?(?: \\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?){1,3})";
    private static final String TITLE = "(?:NAV|Nav)-(?:leder|leiar)(?:en)?|[Kk]ontorle(?:der|iar)(?:en)?"
            + "|[Ee]nhetsleder(?:en)?|[Ee]iningsleiar(?:en)?|(?:[Tt]he )?(?:NAV )?office manager|(?:[Tt]he )?NAV manager"
            + "|head of office";
    private static final String TITLE_AT = "(?:" + TITLE + ")(?:\\s+(?:i|ved|på|for|in|at|of)\\s+(?:⟨O(?<off>\\d+)⟩"
            + "|(?<place>\\p{Lu}[\\p{L}-]+)))?";
    private static final String ROLE_OF = "(?:[Ll]eder(?:en)?|[Ll]eiar(?:en)?|[Ss]jef(?:en)?|(?:the )?[Hh]ead|(?:the )?"
            + "[Mm]anager|[Dd]irector)\\s+(?:for|ved|av|i|of|at)\\s+(?:⟨O(?<off>\\d+)⟩|(?:the|this|our) office|kontoret)";
    private static final String VERB =
            "(?:(?:er|var|ble|blei|vart|har vært|har vore) (?:ansatt|tilsett|tilsatt|konstituert)"
                    + " som|er|var|har vært|har vore|er no|ble|blei|vart|har fungert som|is|was|has been|became|has served as"
                    + "|was appointed|has been appointed|was appointed as)";
    private static final List<LeaderRule> LEADER_RULES = List.of(
            new LeaderRule(
                    "leader.name-comma-title", 0.9, NAME + "\\s*,\\s*(?:som er\\s+|who is\\s+|the\\s+)?" + TITLE_AT),
            new LeaderRule("leader.name-comma-role", 0.9, NAME + "\\s*,\\s*(?:som er\\s+|who is\\s+)?" + ROLE_OF),
            new LeaderRule("leader.name-parenthesis-title", 0.85, NAME + "\\s*\\(\\s*" + TITLE_AT),
            new LeaderRule("leader.title-before-name", 0.9, "(?<![\\p{L}-])" + TITLE_AT + "\\s*[,:]?\\s+" + NAME),
            new LeaderRule(
                    "leader.form-field",
                    0.8,
                    "(?:^|(?<=\\s))(?:" + TITLE + "|[Ll]eder|[Ll]eiar|[Mm]anager|[Hh]ead)\\s*:\\s*" + NAME
                            + "(?=\\s*$|\\s+\\p{Lu}\\p{Ll}*\\s*:)"),
            new LeaderRule(
                    "leader.signature-line",
                    0.75,
                    NAME + "\\s+(?:" + TITLE + "|[Ll]eder|[Ll]eiar)(?:\\s*,\\s*⟨O(?<off>\\d+)⟩\\s*$|\\s*$)"),
            new LeaderRule(
                    "leader.our-leader",
                    0.8,
                    "(?:(?:[Ll]ederen|[Ll]eiaren|NAV-lederen|NAV-leiaren) (?:vår|vårt|på kontoret|for kontoret)|[Vv]år"
                            + " (?:leder|leiar|NAV-leder|NAV-leiar)|[Oo]ur (?:office )?manager|[Oo]ur head)\\s*[,:]?\\s+"
                            + NAME),
            new LeaderRule(
                    "leader.name-leads-office",
                    0.85,
                    NAME + "\\s+(?:leder|leiar|leads|heads|manages|har ledet|har leia)\\s+⟨O(?<off>\\d+)⟩"),
            new LeaderRule(
                    "leader.office-title-name",
                    0.85,
                    "⟨O(?<off>\\d+)⟩(?:'s)?\\s+(?:" + TITLE + "|leder|leiar|manager|head|director)\\s*[,:]?\\s+"
                            + NAME),
            new LeaderRule(
                    "leader.title-is-name",
                    0.85,
                    "(?<![\\p{L}-])" + TITLE_AT + "\\s+(?:er|var|is|was)\\s+(?:no\\s+|now\\s+)?" + NAME),
            new LeaderRule(
                    "leader.role-is-name", 0.85, ROLE_OF + "\\s+(?:er|var|is|was)\\s+(?:no\\s+|now\\s+)?" + NAME),
            new LeaderRule("leader.role-before-name", 0.9, ROLE_OF + "\\s*[,:]\\s*" + NAME),
            new LeaderRule(
                    "leader.name-is-title",
                    0.85,
                    NAME + "\\s*,?\\s+(?:som\\s+|who\\s+)?" + VERB + "\\s+(?:ny\\s+|new\\s+|the\\s+|an?\\s+)?"
                            + TITLE_AT),
            new LeaderRule(
                    "leader.name-is-role",
                    0.85,
                    NAME + "\\s*,?\\s+(?:som\\s+|who\\s+)?" + VERB + "\\s+(?:ny\\s+|new\\s+|the\\s+|an?\\s+)?"
                            + ROLE_OF),
            new LeaderRule(
                    "leader.office-led-by",
                    0.85,
                    "(?:⟨O(?<off>\\d+)⟩|[Kk]ontoret|[Tt]he office)\\s+(?:ledes|leiast|vert leia|blir ledet|er ledet|is led"
                            + "|is headed|is managed|is run|was led|was headed)\\s+(?:av|by)\\s+(?:(?:" + TITLE
                            + ")\\s+)?"
                            + NAME));
    /** Words without which no leader rule can match: a cheap test before the rules run. */
    private static final Pattern LEADER_CUE = Pattern.compile(
            "leder|leiar|manage|head|director|sjef|ledes|leiast|leia|led by|ledet|run by", Pattern.CASE_INSENSITIVE);

    private static final Pattern SIGNATURE_NAME = Pattern.compile(NAME);
    private static final Pattern SIGNATURE_TITLE = Pattern.compile(
            "^(?:" + TITLE + "|[Ll]eder|[Ll]eiar|[Hh]ead|[Mm]anager)(?:\\s*,|\\s+(?:for|ved|i|of|at)\\s|\\s*$)");
    private static final Set<String> NOT_LEADING =
            Set.of("assisterende", "assistant", "deputy", "nestleder", "stedfortredende");
    private static final Set<String> NAME_STOPWORDS = Set.of(
            "til",
            "fra",
            "frå",
            "med",
            "hilsen",
            "informant",
            "respondent",
            "kontorleder",
            "kontoret",
            "lederen",
            "leder",
            "nav",
            "om",
            "ifølge",
            "og",
            "i",
            "the",
            "interviewer",
            "intervjuer",
            "intervjuobjekt",
            "dato",
            "sted",
            "tid",
            "vedlagt",
            "både",
            "for",
            "ved",
            "kontakt",
            "kontaktperson");

    /** "… siden 2014", "sidan 2011", "since 2015", "siden sammenslåingen i 2020": when a leader started. */
    private static final Pattern SINCE = Pattern.compile(
            "^[^.;]*?\\b(?:siden|sidan|since|fra|frå|from)\\s+(?:[\\p{L}.]+\\s+){0,3}?((?:19|20)\\d\\d)\\b");

    private static final Pattern STATE_BACKGROUND = Pattern.compile(
            "statlig bakgrunn|statleg bakgrunn|state background|background (?:from|in) the state|statlige sid|statlege sid"
                    + "|bakgrunn (?:fra|frå) (?:staten|den statlige|det statlige)|statlig ansatt|statleg tilsett"
                    + "|\\baetat\\b|trygdeetaten|trygdekontor|arbeidskontor|arbeidsmarkedsetaten|arbeidsmarknadsetaten"
                    + "|employment service|national insurance|trygdesjef|labour and welfare service",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MUNICIPAL_BACKGROUND = Pattern.compile(
            "kommunal bakgrunn|municipal background|background (?:from|in) the municipality|kommunale sid|kommunal sid"
                    + "|bakgrunn (?:fra|frå) (?:kommunen|den kommunale|det kommunale)|kommunalt ansatt|kommunalt tilsett"
                    + "|sosialtjenesten|sosialtenesta|sosialtenesten|sosialkontor|sosialsjef|social services|social welfare"
                    + "|sosialleder|sosialleiar|kommunal sektor",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern EXPLICIT_BACKGROUND = Pattern.compile("bakgrunn|background", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRONOUN_START =
            Pattern.compile("^(Hun|Han|Ho|She|He|Lederen|Leiaren|NAV-lederen|NAV-leiaren|Kontorlederen)\\b");

    private static final Pattern PARTNERSHIP = Pattern.compile(
            "samarbeidsavtal|partnerskap|partnarskap|partnership|\\bpartner|\\bparte(?:ne|r)\\b|\\bpartane?\\b|\\bparties\\b"
                    + "|samarbeid|\\bavtal(?:e|en)\\b|agreement|i fellesskap|jointly|inngått|\\bmellom\\b.+\\bog\\b"
                    + "|vertskommune|host municipality|styringsgrupp|steering group",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern AGREEMENT = Pattern.compile(
            "avtal|agreement|\\bmellom\\b.+\\bog\\b|\\bbetween\\b.+\\band\\b|\\bparte(?:ne|r)\\b|\\bpartane?\\b|partnerskap"
                    + "|partnarskap|partnership",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NEGATION =
            Pattern.compile("\\b(ikke|ikkje|not|never|aldri|no longer|verken|neither)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TARGET_WORDS = Pattern.compile(
            "\\b(mål|målet|måla|målsetting\\w*|ambisjon\\w*|target\\w*|goal\\w*|skal|skulle|minst|maksimalt|inntil"
                    + "|overstige|should|must|at least|aim\\w*)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern FROM_BEFORE = Pattern.compile("(?i)\\b(fra|frå|from)\\s*$");
    private static final Pattern TO_BETWEEN = Pattern.compile("(?i)^\\s*(til|to)\\s*$");
    private static final Pattern YEAR_AFTER =
            Pattern.compile("(?i)^\\s*,?\\s*(i|in|for|år|året|ved utgangen av)?\\s*$");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)(19[5-9]\\d|20\\d\\d)(?!\\d)");
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(the|and|of|with|is|was|were|has|have|office|manager|which|that)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> MUNICIPALITY_REFERENCES =
            Set.of("kommunen", "heradet", "municipality", "kommunens", "heradets");
    private static final Set<String> DISTRICT_REFERENCES = Set.of("bydelen", "bydelens");

    private record LeaderRule(String method, double confidence, Pattern pattern) {
        LeaderRule(String method, double confidence, String regex) {
            this(method, confidence, Pattern.compile(regex));
        }
    }

    /** One sentence or table row with the terms found in it and the context it is read in. */
    private static final class Unit {
        final PassageText passage;
        final Item item;
        final String text;
        final List<TermMatch> matches;
        List<String> offices = List.of();
        boolean officesNamed;
        String year = "";
        String yearSource = "";

        Unit(PassageText passage, Item item, String text, List<TermMatch> matches) {
            this.passage = passage;
            this.item = item;
            this.text = text;
            this.matches = matches;
        }

        List<TermMatch> of(EntityKind kind) {
            return matches.stream().filter(m -> m.term().kind() == kind).toList();
        }

        boolean heading() {
            return item instanceof Sentence s && s.heading();
        }
    }

    private static final class LeaderFound {
        final String officeId;
        final String unitNumber;
        final Set<String> names = new LinkedHashSet<>();
        String name;
        int state;
        int municipal;

        LeaderFound(String officeId, String unitNumber, String name) {
            this.officeId = officeId;
            this.unitNumber = unitNumber;
            this.name = name;
            names.add(name);
        }

        private Pattern surnamePattern;

        Pattern surnamePattern() {
            if (surnamePattern == null) {
                surnamePattern = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(surname()) + "(?![\\p{L}])");
            }
            return surnamePattern;
        }

        String surname() {
            String[] parts = name.split(" ");
            return parts[parts.length - 1];
        }

        String id() {
            // Initials are left out, so "Kari S. Holm" and "Kari Holm" are one leader across documents.
            String key = java.util.Arrays.stream(name.split(" "))
                    .filter(p -> !Regexes.matches(p, "\\p{Lu}\\."))
                    .collect(Collectors.joining(" "));
            return "leader:" + unitNumber + ":" + Slugs.slug(key);
        }

        String background() {
            if (state == 0 && municipal == 0) {
                return "unknown";
            }
            return state >= municipal ? "state" : "municipal";
        }
    }

    private record PendingLead(
            Unit unit,
            LeaderFound leader,
            String office,
            String method,
            double confidence,
            Map<String, Object> props) {}

    private static final class EntityFound {
        final EntityKind kind;
        final String id;
        String name;
        final Set<String> aliases = new LinkedHashSet<>();
        final Map<String, Object> properties = new LinkedHashMap<>();

        EntityFound(EntityKind kind, String id, String name) {
            this.kind = kind;
            this.id = id;
            this.name = name;
        }
    }

    /** The extraction of one document; all state lives here, so the extractor stays thread-safe. */
    private final class Run {
        private final DocumentText doc;
        private final boolean english;
        private final List<Unit> units = new ArrayList<>();
        private final Map<String, EntityFound> entities = new LinkedHashMap<>();
        private final Set<Mention> mentions = new LinkedHashSet<>();
        private final List<Fact> facts = new ArrayList<>();
        private final Set<String> factKeys = new java.util.HashSet<>();
        private final List<LeaderFound> leaders = new ArrayList<>();
        private final List<PendingLead> pendingLeads = new ArrayList<>();
        private final Map<Boolean, List<Term>> municipalityCache = new HashMap<>();
        private final Map<String, Term> officeTerms = new HashMap<>();
        private List<String> focus = List.of();
        private String titleYear = "";

        Run(DocumentText doc) {
            this.doc = doc;
            this.english = doc.language()
                    .map(l -> l.toLowerCase(Locale.ROOT).startsWith("en"))
                    .orElseGet(() -> looksEnglish(doc));
        }

        Extraction extract() {
            for (PassageText p : doc.passages()) {
                for (Item item : PassageLayout.read(p.text(), english)) {
                    String text = item instanceof TableRow row ? row.label() : ((Sentence) item).text();
                    List<TermMatch> matches = matcher.find(text);
                    units.add(new Unit(p, item, text, matches));
                    for (TermMatch m : matches) {
                        entity(m.term(), m.surface());
                        mentions.add(new Mention(p.id(), m.term().id()));
                        if (m.term().kind() == EntityKind.OFFICE) {
                            officeTerms.put(m.term().id(), m.term());
                        }
                    }
                }
            }
            focus = focusOffices();
            context();
            for (Unit u : units) {
                if (u.item instanceof Sentence) {
                    leaders(u);
                }
            }
            signatures();
            backgrounds();
            // Leader ids are final only once every spelling of a name in the document is known.
            for (PendingLead p : pendingLeads) {
                fact(
                        RelType.LEADS,
                        p.leader().id(),
                        p.office(),
                        p.props(),
                        p.unit(),
                        p.unit().item.quote(),
                        p.method(),
                        p.confidence(),
                        p.leader());
            }
            for (LeaderFound l : leaders) {
                EntityFound e = entities.get(l.id());
                if (e != null && !l.background().equals("unknown")) {
                    e.properties.put("background", l.background());
                }
            }
            for (Unit u : units) {
                if (u.item instanceof TableRow row) {
                    tableRow(u, row);
                } else {
                    partners(u);
                    tools(u);
                    outcomes(u);
                }
            }
            List<Entity> result = new ArrayList<>();
            for (EntityFound e : entities.values()) {
                Map<String, Object> props = new LinkedHashMap<>(e.properties);
                List<String> aliases =
                        e.aliases.stream().filter(a -> !a.equals(e.name)).toList();
                result.add(new Entity(e.kind, e.id, e.name, aliases, props));
            }
            return new Extraction(result, List.copyOf(mentions), facts);
        }

        // ---- context: which office(s) and year each unit is about ----

        private List<String> focusOffices() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Unit u : units) {
                for (TermMatch m : u.of(EntityKind.OFFICE)) {
                    counts.merge(m.term().id(), 1, Integer::sum);
                }
            }
            List<String> title = doc.title().stream()
                    .flatMap(t -> matcher.find(t).stream())
                    .filter(m -> m.term().kind() == EntityKind.OFFICE)
                    .peek(m -> {
                        entity(m.term(), m.surface());
                        officeTerms.put(m.term().id(), m.term());
                    })
                    .map(m -> m.term().id())
                    .distinct()
                    .toList();
            titleYear = doc.title().map(Run::firstYear).orElse("");
            if (!title.isEmpty()) {
                return title;
            }
            if (counts.size() <= 1) {
                return List.copyOf(counts.keySet());
            }
            // The first heading that names offices (the document's title line), else the most named.
            for (Unit u : units) {
                if (u.heading() && !u.of(EntityKind.OFFICE).isEmpty()) {
                    return offices(u);
                }
                if (!u.heading()) {
                    break;
                }
            }
            int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            return counts.entrySet().stream()
                    .filter(e -> e.getValue() == max)
                    .map(Map.Entry::getKey)
                    .toList();
        }

        private void context() {
            List<String> section = null;
            String year = "";
            String yearSource = "";
            boolean first = true;
            for (Unit u : units) {
                List<String> named = offices(u);
                if (u.heading()) {
                    section = named.isEmpty() ? null : named;
                    String y = firstYear(u.text);
                    if (!y.isEmpty()) {
                        year = y;
                        yearSource = "heading";
                    }
                    if (first && titleYear.isEmpty()) {
                        titleYear = y;
                    }
                }
                first = false;
                u.officesNamed = !named.isEmpty();
                u.offices = !named.isEmpty() ? named : section != null ? section : focus;
                u.year = year.isEmpty() ? titleYear : year;
                u.yearSource = year.isEmpty() ? (titleYear.isEmpty() ? "" : "title") : yearSource;
            }
        }

        private List<String> offices(Unit u) {
            return u.of(EntityKind.OFFICE).stream()
                    .map(m -> m.term().id())
                    .distinct()
                    .toList();
        }

        // ---- LEADS ----

        private void leaders(Unit u) {
            if (!LEADER_CUE.matcher(u.text).find()) {
                return;
            }
            List<TermMatch> offices = u.of(EntityKind.OFFICE);
            StringBuilder masked = new StringBuilder();
            int at = 0;
            for (int k = 0; k < offices.size(); k++) {
                masked.append(u.text, at, offices.get(k).start())
                        .append("⟨O")
                        .append(k)
                        .append('⟩');
                at = offices.get(k).end();
            }
            masked.append(u.text.substring(at));
            String text = PassageLayout.normalize(masked.toString());
            for (LeaderRule rule : LEADER_RULES) {
                Matcher m = rule.pattern().matcher(text);
                while (m.find()) {
                    String before = text.substring(0, m.start())
                            .toLowerCase(Locale.ROOT)
                            .strip();
                    if (NOT_LEADING.stream().anyMatch(before::endsWith)) {
                        continue;
                    }
                    Optional<String> name = cleanName(m.group("name"));
                    if (name.isEmpty()
                            || rule.method().equals("leader.signature-line")
                                    && !name.get().equals(m.group("name"))) {
                        // "Hilsen Jon Ivar NAV-leder" is a first-name greeting, not a full name.
                        continue;
                    }
                    Optional<String> office = group(m, "off")
                            .map(k -> offices.get(Integer.parseInt(k)).term().id())
                            .or(() -> group(m, "place").flatMap(this::officeAt));
                    double confidence = rule.confidence();
                    if (office.isEmpty()) {
                        List<String> candidates = u.offices;
                        if (candidates.size() != 1) {
                            continue;
                        }
                        office = Optional.of(candidates.get(0));
                        confidence -= 0.1;
                    }
                    Matcher since = SINCE.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 60)));
                    Map<String, Object> props = since.find() ? Map.of("from", since.group(1)) : Map.of();
                    pendingLeads.add(new PendingLead(
                            u, leader(office.get(), name.get()), office.get(), rule.method(), confidence, props));
                }
            }
        }

        /** A name alone on a line, then a leader's title on the next: "Kari Holm / NAV-leder". */
        private void signatures() {
            for (int i = 0; i + 1 < units.size(); i++) {
                Unit nameLine = units.get(i);
                Unit titleLine = units.get(i + 1);
                if (!(nameLine.item instanceof Sentence) || !(titleLine.item instanceof Sentence)) {
                    continue;
                }
                String name = PassageLayout.normalize(nameLine.text);
                if (!SIGNATURE_NAME.matcher(name).matches()
                        || cleanName(name).filter(name::equals).isEmpty()) {
                    continue;
                }
                Matcher title = SIGNATURE_TITLE.matcher(PassageLayout.normalize(titleLine.text));
                if (!title.find()) {
                    continue;
                }
                List<String> offices = offices(titleLine);
                String office;
                double confidence = 0.85;
                if (offices.size() == 1) {
                    office = offices.get(0);
                } else if (offices.isEmpty() && titleLine.offices.size() == 1) {
                    office = titleLine.offices.get(0);
                    confidence = 0.75;
                } else {
                    continue;
                }
                pendingLeads.add(new PendingLead(
                        titleLine, leader(office, name), office, "leader.signature", confidence, Map.of()));
            }
        }

        private Optional<String> group(Matcher m, String name) {
            try {
                return Optional.ofNullable(m.group(name));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        private Optional<String> officeAt(String place) {
            Term office = officesByPlace.get(place.toLowerCase(Locale.ROOT));
            if (office == null) {
                return Optional.empty();
            }
            entity(office, office.name());
            officeTerms.put(office.id(), office);
            return Optional.of(office.id());
        }

        private Optional<String> cleanName(String raw) {
            List<String> words = new ArrayList<>(List.of(raw.split(" ")));
            while (!words.isEmpty() && NAME_STOPWORDS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
                words.remove(0);
            }
            for (int w = 1; w < words.size(); w++) {
                // "Jon Ivar Berg Fra: …" on one line: the name ends where the next field starts.
                if (NAME_STOPWORDS.contains(words.get(w).toLowerCase(Locale.ROOT))) {
                    words = new ArrayList<>(words.subList(0, w));
                    break;
                }
            }
            long real = words.stream()
                    .filter(w -> !Regexes.matches(w, "\\p{Lu}\\."))
                    .count();
            if (real < 2 || words.stream().anyMatch(w -> NAME_STOPWORDS.contains(w.toLowerCase(Locale.ROOT)))) {
                return Optional.empty();
            }
            return Optional.of(String.join(" ", words));
        }

        /** The leader of this office with this name or a variant of it ("Kari S. Holm", "Kari Holm"). */
        private LeaderFound leader(String officeId, String name) {
            String[] parts = name.split(" ");
            String first = parts[0];
            String last = parts[parts.length - 1];
            for (LeaderFound l : leaders) {
                String[] lp = l.name.split(" ");
                if (l.officeId.equals(officeId)
                        && lp[lp.length - 1].equals(last)
                        && (lp[0].equals(first) || lp[0].startsWith(first.replace(".", "")))) {
                    l.names.add(name);
                    if (name.length() > l.name.length() && name.split(" ").length <= 3) {
                        // Keep the fullest spelling, but not at the cost of the id: initials are ignored there.
                        l.name = name;
                    }
                    return l;
                }
            }
            String unit = officeId.substring("office:".length());
            LeaderFound l = new LeaderFound(officeId, unit, name);
            leaders.add(l);
            return l;
        }

        private void backgrounds() {
            LeaderFound last = null;
            for (Unit u : units) {
                if (!(u.item instanceof Sentence)) {
                    continue;
                }
                LeaderFound named = null;
                String normalized = PassageLayout.normalize(u.text);
                for (LeaderFound l : leaders) {
                    if (mentionsLeader(normalized, l)) {
                        named = l;
                        mentions.add(new Mention(u.passage.id(), l.id()));
                    }
                }
                LeaderFound about = named != null
                        ? named
                        : (last != null && PRONOUN_START.matcher(u.text.strip()).find() ? last : null);
                if (named != null) {
                    last = named;
                }
                if (about == null) {
                    continue;
                }
                int weight = EXPLICIT_BACKGROUND.matcher(u.text).find() ? 3 : 1;
                if (STATE_BACKGROUND.matcher(u.text).find()) {
                    about.state += weight;
                }
                if (MUNICIPAL_BACKGROUND.matcher(u.text).find()) {
                    about.municipal += weight;
                }
            }
        }

        private boolean mentionsLeader(String normalized, LeaderFound l) {
            for (String n : l.names) {
                if (normalized.contains(n)) {
                    return true;
                }
            }
            return l.surnamePattern().matcher(normalized).find();
        }

        // ---- PARTNERS_WITH ----

        private void partners(Unit u) {
            if (u.offices.isEmpty() || !PARTNERSHIP.matcher(u.text).find()) {
                return;
            }
            boolean agreement = AGREEMENT.matcher(u.text).find();
            for (String office : u.offices) {
                Set<Term> partners = new LinkedHashSet<>();
                u.of(EntityKind.PARTNER).forEach(m -> partners.add(m.term()));
                partners.addAll(references(u, office));
                for (Term partner : partners) {
                    double confidence = (agreement ? 0.9 : 0.75) - (u.officesNamed ? 0 : 0.05);
                    fact(
                            RelType.PARTNERS_WITH,
                            office,
                            partner.id(),
                            Map.of(),
                            u,
                            u.item.quote(),
                            agreement ? "partner.agreement-parties" : "partner.partnership-sentence",
                            confidence,
                            null);
                }
            }
        }

        /** "kommunen", "heradet", "the municipality", "bydelen", resolved to the document's one municipality. */
        private List<Term> references(Unit u, String office) {
            List<Term> found = new ArrayList<>();
            String lower = u.text.toLowerCase(Locale.ROOT);
            List<String> words = List.of(lower.split("[^\\p{L}]+"));
            if (words.stream().anyMatch(MUNICIPALITY_REFERENCES::contains)) {
                List<Term> municipalities = documentMunicipalities(false);
                if (municipalities.size() == 1) {
                    found.add(municipalities.get(0));
                }
            }
            if (words.stream().anyMatch(DISTRICT_REFERENCES::contains)) {
                List<Term> districts = documentMunicipalities(true);
                if (districts.size() == 1) {
                    found.add(districts.get(0));
                } else if (office.startsWith("office:03") && officeTerms.containsKey(office)) {
                    // Oslo's NAV offices are partnerships with a city district of the same name.
                    Codebook.place(officeTerms.get(office).name()).ifPresent(place -> {
                        String name = "Bydel " + place;
                        found.add(new Term(
                                EntityKind.PARTNER,
                                "partner:" + Slugs.slug(name),
                                name,
                                Map.of("kind", "municipality"),
                                List.of(name),
                                0,
                                ""));
                    });
                }
            }
            for (Term t : found) {
                entity(t, t.name());
                mentions.add(new Mention(u.passage.id(), t.id()));
            }
            return found;
        }

        private List<Term> documentMunicipalities(boolean districts) {
            return municipalityCache.computeIfAbsent(districts, this::findMunicipalities);
        }

        private List<Term> findMunicipalities(boolean districts) {
            Map<String, Term> found = new LinkedHashMap<>();
            for (Unit v : units) {
                for (TermMatch m : v.of(EntityKind.PARTNER)) {
                    if ("municipality".equals(m.term().properties().get("kind"))
                            && m.term().name().startsWith("Bydel ") == districts) {
                        found.putIfAbsent(m.term().id(), m.term());
                    }
                }
            }
            return List.copyOf(found.values());
        }

        // ---- USES_TOOL ----

        private void tools(Unit u) {
            List<TermMatch> tools = u.of(EntityKind.TOOL);
            if (tools.isEmpty()
                    || u.offices.isEmpty()
                    || NEGATION.matcher(u.text).find()) {
                return;
            }
            for (String office : u.offices) {
                for (TermMatch tool : tools) {
                    double confidence = u.officesNamed ? 0.85 : (u.heading() ? 0.75 : 0.7);
                    fact(
                            RelType.USES_TOOL,
                            office,
                            tool.term().id(),
                            Map.of(),
                            u,
                            u.item.quote(),
                            u.officesNamed ? "tool.office-sentence" : "tool.office-context",
                            confidence,
                            null);
                }
            }
        }

        // ---- ACHIEVED ----

        private void outcomes(Unit u) {
            List<TermMatch> outcomes = u.of(EntityKind.OUTCOME);
            if (outcomes.isEmpty() || u.offices.isEmpty()) {
                return;
            }
            List<Numbers.Figure> all = Numbers.figures(u.text, english).stream()
                    .filter(f ->
                            u.matches.stream().noneMatch(m -> f.start() < m.end() && f.numberEnd(u.text) > m.start()))
                    .toList();
            List<Numbers.Figure> values =
                    all.stream().filter(f -> f.kind() == Numbers.Kind.VALUE).toList();
            List<Numbers.Figure> years =
                    all.stream().filter(f -> f.kind() == Numbers.Kind.YEAR).toList();
            record Read(Numbers.Figure figure, TermMatch outcome, boolean target) {}
            List<Read> reads = new ArrayList<>();
            int previousEnd = 0;
            for (int i = 0; i < values.size(); i++) {
                Numbers.Figure f = values.get(i);
                String before = u.text.substring(Math.max(previousEnd, f.start() - 60), f.start());
                boolean target = TARGET_WORDS.matcher(before).find();
                boolean earlier = i + 1 < values.size()
                        && FROM_BEFORE
                                .matcher(u.text.substring(Math.max(0, f.start() - 12), f.start()))
                                .find()
                        && TO_BETWEEN
                                .matcher(u.text.substring(
                                        f.end(), values.get(i + 1).start()))
                                .find();
                previousEnd = f.end();
                if (earlier) {
                    continue; // "fra 15 til 12 dager": 15 is an earlier figure of unknown period
                }
                TermMatch outcome = nearestOutcome(outcomes, f);
                if (outcome == null) {
                    continue;
                }
                reads.add(new Read(f, outcome, target));
            }
            for (Read r : reads) {
                if (r.target()) {
                    continue;
                }
                Numbers.Figure f = r.figure();
                Optional<Numbers.Figure> target = reads.stream()
                        .filter(t -> t.target() && t.outcome() == r.outcome())
                        .map(Read::figure)
                        .findFirst();
                String period = yearOf(u.text, f, years);
                String method = "outcome.sentence";
                double confidence = 0.8;
                if (period.isEmpty()) {
                    period = u.year;
                    confidence -= u.year.isEmpty() ? 0.2 : 0.1;
                    method = u.year.isEmpty()
                            ? "outcome.sentence-no-year"
                            : "outcome.sentence-" + u.yearSource + "-year";
                }
                String unit = f.unit().isEmpty()
                        ? target.map(Numbers.Figure::unit)
                                .filter(x -> !x.isEmpty())
                                .orElse(r.outcome().term().defaultUnit())
                        : f.unit();
                achieved(
                        u,
                        r.outcome().term(),
                        f.value(),
                        unit,
                        period,
                        target.map(Numbers.Figure::value),
                        method,
                        confidence - (u.officesNamed ? 0 : 0.1),
                        u.item.quote());
            }
        }

        /**
         * The outcome a figure belongs to: the nearest one named before it (else after it) whose unit
         * fits the figure's ("12 dager" is no share, "62 %" no count); none if no outcome fits.
         */
        private TermMatch nearestOutcome(List<TermMatch> outcomes, Numbers.Figure f) {
            List<TermMatch> fitting = outcomes.stream()
                    .filter(m -> f.unit().isEmpty()
                            || m.term().defaultUnit().isEmpty()
                            || m.term().defaultUnit().equals(f.unit()))
                    .toList();
            TermMatch before = null;
            for (TermMatch m : fitting) {
                if (m.start() < f.start()) {
                    before = m;
                }
            }
            return before != null ? before : fitting.isEmpty() ? null : fitting.get(0);
        }

        /** The year a figure is for: "62,4 prosent i 2019", "I 2019 var ... 49,8", or the one year named. */
        private String yearOf(String text, Numbers.Figure f, List<Numbers.Figure> years) {
            for (Numbers.Figure y : years) {
                if (y.start() >= f.end()
                        && y.start() - f.end() <= 14
                        && YEAR_AFTER
                                .matcher(text.substring(f.end(), y.start()))
                                .matches()) {
                    return String.valueOf((int) y.value());
                }
            }
            Numbers.Figure closestBefore = null;
            for (Numbers.Figure y : years) {
                if (y.end() <= f.start()) {
                    closestBefore = y;
                }
            }
            if (closestBefore != null) {
                return String.valueOf((int) closestBefore.value());
            }
            Set<Integer> distinct = years.stream().map(y -> (int) y.value()).collect(Collectors.toSet());
            return distinct.size() == 1 ? String.valueOf(distinct.iterator().next()) : "";
        }

        private void tableRow(Unit u, TableRow row) {
            List<TermMatch> outcomes = u.of(EntityKind.OUTCOME);
            if (outcomes.isEmpty() || u.offices.isEmpty()) {
                return;
            }
            Term outcome = outcomes.get(0).term();
            List<PassageLayout.Column> columns = row.columns();
            for (int c = 0; c < columns.size() && c < row.cells().size(); c++) {
                PassageLayout.Column column = columns.get(c);
                Optional<Numbers.Figure> cell = row.cells().get(c);
                if (column.target() || column.other() || cell.isEmpty()) {
                    continue;
                }
                String period = column.year().isEmpty() ? u.year : column.year();
                Optional<Double> target = Optional.empty();
                String targetUnit = "";
                for (int t = 0; t < columns.size() && t < row.cells().size(); t++) {
                    PassageLayout.Column tc = columns.get(t);
                    if (tc.target()
                            && row.cells().get(t).isPresent()
                            && (tc.year().isEmpty() || tc.year().equals(period))) {
                        target = Optional.of(row.cells().get(t).get().value());
                        targetUnit = row.cells().get(t).get().unit();
                    }
                }
                Numbers.Figure f = cell.get();
                String unit = !f.unit().isEmpty()
                        ? f.unit()
                        : !column.unit().isEmpty()
                                ? column.unit()
                                : Numbers.labelUnit(row.label())
                                        .orElse(targetUnit.isEmpty() ? outcome.defaultUnit() : targetUnit);
                double confidence = (period.isEmpty() ? 0.6 : 0.9) - (u.officesNamed ? 0 : 0.05);
                String method = column.year().isEmpty()
                        ? (period.isEmpty()
                                ? "outcome.table-row-no-year"
                                : "outcome.table-row-" + u.yearSource + "-year")
                        : "outcome.table-row";
                achieved(u, outcome, f.value(), unit, period, target, method, confidence, row.quote());
            }
        }

        private void achieved(
                Unit u,
                Term outcome,
                double value,
                String unit,
                String period,
                Optional<Double> target,
                String method,
                double confidence,
                String quote) {
            for (String office : u.offices) {
                Map<String, Object> props = new LinkedHashMap<>();
                props.put("value", value);
                props.put("unit", unit);
                props.put("period", period);
                target.ifPresent(t -> props.put("target", t));
                fact(RelType.ACHIEVED, office, outcome.id(), props, u, quote, method, confidence, null);
            }
        }

        // ---- bookkeeping ----

        private void fact(
                RelType type,
                String subject,
                String object,
                Map<String, Object> properties,
                Unit u,
                String quote,
                String method,
                double confidence,
                LeaderFound leader) {
            String period =
                    properties.containsKey("period") ? properties.get("period").toString() : "";
            String key = type + "|" + subject + "|" + object + "|" + period + "|" + u.passage.id() + "|" + quote;
            if (leader != null) {
                EntityFound e = entities.computeIfAbsent(
                        leader.id(), id -> new EntityFound(EntityKind.LEADER, id, leader.name));
                e.name = leader.name;
                e.aliases.addAll(leader.names);
                mentions.add(new Mention(u.passage.id(), leader.id()));
            }
            if (!factKeys.add(key)) {
                return;
            }
            double rounded = Math.round(Math.max(0.05, Math.min(1.0, confidence)) * 100) / 100.0;
            facts.add(new Fact(
                    type,
                    subject,
                    object,
                    properties,
                    new Evidence(u.passage.id(), u.passage.page(), quote, method, rounded)));
            // The office and the object are mentioned where the evidence is.
            mentions.add(new Mention(u.passage.id(), subject));
            mentions.add(new Mention(u.passage.id(), object));
        }

        private void entity(Term term, String surface) {
            EntityFound e = entities.computeIfAbsent(term.id(), id -> {
                EntityFound found = new EntityFound(term.kind(), id, term.name());
                found.properties.putAll(term.properties());
                return found;
            });
            e.aliases.add(PassageLayout.normalize(surface));
        }

        private static String firstYear(String text) {
            Matcher m = YEAR.matcher(text);
            return m.find() ? m.group(1) : "";
        }

        private boolean looksEnglish(DocumentText d) {
            String sample = d.passages().stream().map(PassageText::text).collect(Collectors.joining(" "));
            sample = sample.substring(0, Math.min(sample.length(), 4000));
            long english = ENGLISH.matcher(sample).results().count();
            long words = sample.split("\\s+").length;
            return words > 0 && english * 12 > words;
        }
    }
}
