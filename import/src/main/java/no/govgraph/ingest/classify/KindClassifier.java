package no.govgraph.ingest.classify;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies a document's {@link DocumentKind} from cues in its title, file name and opening text,
 * in Norwegian bokmål, nynorsk and English. Mail is recognised by its media type. A cue in the
 * title or file name weighs three times one in the text; the kind with the most weight wins, and a
 * document with no cue is {@code other}.
 */
public final class KindClassifier {

    /** Only the opening of a document is read: that is where a document says what it is. */
    private static final int TEXT_CHARS = 3_000;

    private static final Set<String> MAIL_TYPES = Set.of(
            "message/rfc822",
            "application/vnd.ms-outlook",
            "application/mbox",
            "message/x-emlx",
            "application/vnd.ms-outlook-pst");

    /** Word stems per kind; matched at the start of a word, so "avtale" also finds "avtalen". */
    private static final Map<DocumentKind, List<String>> CUES = cues();

    private static final Pattern MAIL_HEADERS = Pattern.compile(
            "(?m)^(from|fra|frå|til|to|subject|emne|sendt|sent|date|dato)\\s*:", Pattern.CASE_INSENSITIVE);

    private static final Pattern INTERVIEW_TURNS = Pattern.compile(
            "(?m)^\\s*(intervjuer|informant|respondent|interviewer|spørsmål|svar|q|a|i|r)\\s*[:.]\\s",
            Pattern.CASE_INSENSITIVE);

    private KindClassifier() {}

    private static Map<DocumentKind, List<String>> cues() {
        Map<DocumentKind, List<String>> cues = new LinkedHashMap<>();
        cues.put(
                DocumentKind.AGREEMENT,
                List.of(
                        "samarbeidsavtale",
                        "partnerskapsavtale",
                        "avtale mellom",
                        "lokal avtale",
                        "avtalen",
                        "avtale om",
                        "avtalepart",
                        "partnership agreement",
                        "cooperation agreement",
                        "agreement between",
                        "agreement",
                        "memorandum of understanding",
                        "avtalepartane",
                        "avtalepartene"));
        cues.put(
                DocumentKind.MANAGEMENT_LETTER,
                List.of(
                        "tildelingsbrev",
                        "styringsbrev",
                        "disponeringsbrev",
                        "mål- og disponeringsbrev",
                        "oppdragsbrev",
                        "virksomhetsbrev",
                        "verksemdsbrev",
                        "styringsdialog",
                        "allocation letter",
                        "letter of allocation",
                        "management letter",
                        "steering letter",
                        "letter of instruction"));
        cues.put(
                DocumentKind.PLAN,
                List.of(
                        "virksomhetsplan",
                        "verksemdsplan",
                        "handlingsplan",
                        "tiltaksplan",
                        "årsplan",
                        "strategiplan",
                        "driftsplan",
                        "operativ plan",
                        "plan for",
                        "planperiode",
                        "operational plan",
                        "action plan",
                        "business plan",
                        "work plan",
                        "annual plan",
                        "strategic plan"));
        cues.put(
                DocumentKind.REPORT,
                List.of(
                        "årsrapport",
                        "årsmelding",
                        "resultatrapport",
                        "resultatrapportering",
                        "tertialrapport",
                        "kvartalsrapport",
                        "rapport",
                        "evaluering",
                        "annual report",
                        "report",
                        "evaluation",
                        "results for",
                        "status report",
                        "måloppnåelse"));
        cues.put(
                DocumentKind.INTERVIEW,
                List.of(
                        "intervju",
                        "intervjuet",
                        "samtalereferat",
                        "intervjuguide",
                        "informant",
                        "interview",
                        "transcript",
                        "interviewee",
                        "respondent"));
        return cues;
    }

    /**
     * The kind of a document.
     *
     * @param title its title, or null
     * @param fileName its file name, or null
     * @param mediaType its media type, e.g. {@code message/rfc822}
     * @param text its text (only the opening is read), or null
     */
    public static DocumentKind classify(String title, String fileName, String mediaType, String text) {
        if (mediaType != null && MAIL_TYPES.contains(mediaType)) {
            return DocumentKind.EMAIL;
        }
        String head = normalise(text == null ? "" : text.length() > TEXT_CHARS ? text.substring(0, TEXT_CHARS) : text);
        String label = normalise(
                (title == null ? "" : title) + " \n " + (fileName == null ? "" : fileName.replaceAll("[_\\-.]+", " ")));
        if (countMatches(MAIL_HEADERS, head) >= 3) {
            return DocumentKind.EMAIL;
        }
        DocumentKind best = DocumentKind.OTHER;
        int bestScore = 0;
        for (Map.Entry<DocumentKind, List<String>> entry : CUES.entrySet()) {
            int score = 0;
            for (String cue : entry.getValue()) {
                score += 3 * Math.min(1, occurrences(label, cue)) + Math.min(3, occurrences(head, cue));
            }
            if (entry.getKey() == DocumentKind.INTERVIEW) {
                score += Math.min(4, countMatches(INTERVIEW_TURNS, head));
            }
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        return best;
    }

    private static int occurrences(String text, String cue) {
        int count = 0;
        int from = 0;
        while ((from = text.indexOf(cue, from)) >= 0) {
            if (from == 0 || !Character.isLetterOrDigit(text.charAt(from - 1))) {
                count++;
            }
            from += cue.length();
        }
        return count;
    }

    private static int countMatches(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }
}
