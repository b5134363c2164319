package no.govgraph.ingest.parse;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.langdetect.opennlp.OpenNLPDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * Detects a document's language with Tika's OpenNLP detector and answers an ISO 639-1 code:
 * {@code nb}, {@code nn}, {@code en}, {@code de} …
 *
 * <p>OpenNLP already tells bokmål ({@code nob}) from nynorsk ({@code nno}) on running text, but it
 * wavers on short or mixed texts and sometimes answers Danish for Norwegian. So when its best
 * guesses include a Norwegian variety (or Danish), frequent function words that exist in only one
 * of the two written standards decide: nynorsk {@code ikkje, eg, kva, dei, frå, berre, mykje,
 * korleis, vere …} against bokmål {@code ikke, jeg, hva, de, fra, bare, mye, hvordan, være …}. Texts
 * with neither kind of marker keep OpenNLP's answer. Not thread-safe: one per parsing thread.
 */
public final class LanguageGuesser {

    /** Enough text for the marker words to decide between bokmål and nynorsk. */
    private static final int SAMPLE_CHARS = 2_500;

    /**
     * Text for the OpenNLP model: plenty to tell languages apart. Its cost grows with the square of
     * the length (Tika's detector re-scores everything read so far every 110 n-grams until it is
     * sure, which it rarely is between Norwegian, Danish and Swedish), and at 2,500 characters it
     * was half of the importer's own CPU time (JFR, docs/IMPORT.md "Throughput").
     */
    private static final int MODEL_CHARS = 1_000;

    private static final int MIN_LETTERS = 20;

    /** Words written this way in nynorsk only. */
    private static final Set<String> NYNORSK = Set.of(
            "ikkje",
            "eg",
            "kva",
            "dei",
            "frå",
            "berre",
            "mykje",
            "korleis",
            "vere",
            "kvar",
            "noko",
            "nokon",
            "kven",
            "ein",
            "eit",
            "vert",
            "vart",
            "fleire",
            "heile",
            "sjølv",
            "me",
            "difor",
            "saman",
            "gjeld",
            "kjem",
            "òg",
            "ho",
            "meir",
            "utan",
            "arbeidsløyse");

    /** Words written this way in bokmål only. */
    private static final Set<String> BOKMAL = Set.of(
            "ikke",
            "jeg",
            "hva",
            "fra",
            "bare",
            "mye",
            "hvordan",
            "være",
            "hver",
            "noe",
            "noen",
            "hvem",
            "en",
            "et",
            "blir",
            "ble",
            "flere",
            "hele",
            "selv",
            "vi",
            "derfor",
            "sammen",
            "gjelder",
            "kommer",
            "hun",
            "mer",
            "uten",
            "arbeidsledighet");

    /** Norwegian words that Danish writes differently (nynorsk markers count too). */
    private static final Set<String> NORWEGIAN_NOT_DANISH =
            Set.of("hva", "noe", "noen", "blir", "ble", "mye", "gjelder", "av", "etter", "mellom", "slik", "kommunen");

    /** Danish words that Norwegian writes differently. */
    private static final Set<String> DANISH_NOT_NORWEGIAN = Set.of(
            "af", "hvad", "nogle", "nogen", "noget", "bliver", "blev", "meget", "gælder", "efter", "mellem", "sådan");

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

    private final OpenNLPDetector detector = new OpenNLPDetector();

    public LanguageGuesser() {
        try {
            detector.loadModels();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Tika's language models are missing from the class path", e);
        }
    }

    /** The language of these blocks, if there is enough text to tell. */
    public Optional<String> guess(List<TextBlock> blocks) {
        StringBuilder sample = new StringBuilder();
        for (TextBlock block : blocks) {
            if (sample.length() >= SAMPLE_CHARS) {
                break;
            }
            sample.append(block.text()).append('\n');
        }
        return guess(sample.toString());
    }

    /** The language of this text, if there is enough of it to tell. */
    public Optional<String> guess(String text) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        if (sample.codePoints().filter(Character::isLetter).count() < MIN_LETTERS) {
            return Optional.empty();
        }
        detector.reset();
        detector.addText(sample.length() > MODEL_CHARS ? sample.substring(0, MODEL_CHARS) : sample);
        List<LanguageResult> results = detector.detectAll();
        if (results.isEmpty() || results.get(0).getLanguage().isEmpty()) {
            return Optional.empty();
        }
        String best = results.get(0).getLanguage();
        if (best.equals("nob") || best.equals("nno") || best.equals("nor")) {
            return Optional.of(norwegianVariety(sample, best));
        }
        boolean norwegianRunnerUp = results.stream()
                .limit(3)
                .map(LanguageResult::getLanguage)
                .anyMatch(l -> l.equals("nob") || l.equals("nno") || l.equals("nor"));
        if (best.equals("dan") && norwegianRunnerUp && norwegianRatherThanDanish(sample)) {
            return Optional.of(norwegianVariety(sample, "nob"));
        }
        return Optional.of(ISO3_TO_ISO1.getOrDefault(best, best));
    }

    static boolean norwegianRatherThanDanish(String text) {
        int norwegian = 0;
        int danish = 0;
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            if (NORWEGIAN_NOT_DANISH.contains(word) || NYNORSK.contains(word)) {
                norwegian++;
            } else if (DANISH_NOT_NORWEGIAN.contains(word)) {
                danish++;
            }
        }
        return norwegian > danish;
    }

    /** Bokmål or nynorsk by marker words; the detector's answer when the markers do not decide. */
    static String norwegianVariety(String text, String detected) {
        int nynorsk = 0;
        int bokmal = 0;
        Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (words.find()) {
            String word = words.group();
            if (NYNORSK.contains(word)) {
                nynorsk++;
            } else if (BOKMAL.contains(word)) {
                bokmal++;
            }
        }
        if (nynorsk > bokmal * 1.5 && nynorsk >= 2) {
            return "nn";
        }
        if (bokmal > nynorsk * 1.5 && bokmal >= 2) {
            return "nb";
        }
        return detected.equals("nno") ? "nn" : "nb";
    }

    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                map.put(new Locale(iso1).getISO3Language(), iso1);
            } catch (java.util.MissingResourceException e) {
                // No three-letter code: nothing to map.
            }
        }
        map.put("nob", "nb");
        map.put("nno", "nn");
        map.put("nor", "no");
        return Map.copyOf(map);
    }
}
