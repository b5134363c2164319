package no.govgraph.ingest.codebook;

/**
 * A word of a text: letters and digits, with its place in the original text. A word hyphenated
 * over a line break ("virksomhets-\nplanen") is one token whose span covers both parts.
 *
 * @param text the word as written (without the hyphen and line break of a hyphenated word)
 * @param lower the word in lower case
 * @param start offset of its first character in the text
 * @param end offset after its last character
 */
public record Token(String text, String lower, int start, int end) {

    /** Starts with a capital letter. */
    public boolean capitalized() {
        return Character.isUpperCase(text.charAt(0));
    }

    /** All capitals, at least two letters (an abbreviation such as NAV or MDB). */
    public boolean allCaps() {
        return text.length() >= 2
                && text.chars().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c))
                && text.chars().anyMatch(Character::isLetter);
    }

    public boolean isNumber() {
        return text.chars().allMatch(Character::isDigit);
    }
}
