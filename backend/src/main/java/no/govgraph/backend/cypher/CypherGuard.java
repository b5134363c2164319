package no.govgraph.backend.cypher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The first, lexical line of the read-only defence: refuses what an analyst's query must never
 * contain (write and schema clauses, admin commands, {@code LOAD CSV}, batched transactions,
 * several statements, procedures off the allowlist), with a reason the analyst can act on.
 *
 * <p>Comments, string literals and quoted identifiers are blanked first, so a keyword hidden in a
 * comment neither refuses a harmless query nor lets a harmful one through; a keyword used as a
 * property key ({@code n.set}), label ({@code :Merge}) or map key ({@code {delete: 1}}) is an
 * identifier, not a clause. The authority is still Neo4j itself: {@link ReadOnlyCypher} also
 * checks the planner's query type and runs the query in a read-only transaction.
 */
public final class CypherGuard {

    /** Longest query accepted; longer text is refused before it reaches the planner. */
    public static final int MAX_QUERY_LENGTH = 20_000;

    private static final Set<String> WRITE_CLAUSES =
            Set.of("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "FOREACH", "INSERT");

    private static final Set<String> ADMIN_COMMANDS = Set.of(
            "DROP",
            "ALTER",
            "GRANT",
            "DENY",
            "REVOKE",
            "RENAME",
            "SHOW",
            "TERMINATE",
            "START",
            "STOP",
            "ENABLE",
            "DEALLOCATE",
            "REALLOCATE",
            "DRYRUN");

    /** Read-only procedures analysts may call; everything else is refused. */
    public static final Set<String> ALLOWED_PROCEDURES = Set.of(
            "db.labels",
            "db.relationshiptypes",
            "db.propertykeys",
            "db.schema.visualization",
            "db.schema.nodetypeproperties",
            "db.schema.reltypeproperties",
            "db.index.fulltext.querynodes",
            "db.index.fulltext.queryrelationships",
            "db.index.fulltext.listavailableanalyzers",
            "db.awaitindexes",
            "dbms.components");

    /** Labels of bookkeeping nodes (accounts, the audit log) that analysts' queries may not name. */
    static final Set<String> PROTECTED_LABELS = Set.of("User", "AuditEvent");

    private static final String PROTECTED_PROPERTY = "passwordHash";

    private CypherGuard() {}

    /** Why the query must not run, or empty if it may go on to the planner. */
    public static Optional<String> refusal(String query) {
        if (query == null || query.isBlank()) {
            return Optional.of("the query is empty");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            return Optional.of("the query is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        String code;
        try {
            code = blankLiteralsAndComments(query);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        List<Token> tokens = tokens(code);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.text().equals(";")) {
                if (i < tokens.size() - 1) {
                    return Optional.of("only one statement is allowed; remove the ';' and what follows it");
                }
                continue;
            }
            if (!t.isWord()) {
                continue;
            }
            if (isIdentifierPosition(tokens, i)) {
                if (isProtected(tokens, i)) {
                    return Optional.of("'" + t.text() + "' is not queryable here: accounts and the audit log are"
                            + " only for administrators, through /api/users and /api/audit");
                }
                continue;
            }
            if (isProtected(tokens, i)) {
                return Optional.of("'" + t.text() + "' is not queryable here: accounts and the audit log are"
                        + " only for administrators, through /api/users and /api/audit");
            }
            String word = t.text().toUpperCase(Locale.ROOT);
            if (WRITE_CLAUSES.contains(word)) {
                return Optional.of("write clause " + word + " is not allowed: queries here are read-only");
            }
            if (ADMIN_COMMANDS.contains(word)) {
                return Optional.of("schema and administration command " + word + " is not allowed");
            }
            if (word.equals("LOAD") && next(tokens, i, 1).equalsIgnoreCase("CSV")) {
                return Optional.of("LOAD CSV is not allowed: it reads files and URLs on the server");
            }
            // IN TRANSACTIONS, IN 2 CONCURRENT TRANSACTIONS, IN $n CONCURRENT TRANSACTIONS …
            if (word.equals("TRANSACTIONS")
                    && (previous(tokens, i).equalsIgnoreCase("IN")
                            || previous(tokens, i).equalsIgnoreCase("CONCURRENT"))) {
                return Optional.of("CALL { … } IN TRANSACTIONS is not allowed");
            }
            if (word.equals("PERIODIC") && next(tokens, i, 1).equalsIgnoreCase("COMMIT")) {
                return Optional.of("USING PERIODIC COMMIT is not allowed");
            }
            if (word.equals("USE")) {
                return Optional.of("USE is not allowed: queries run against govgraph's database");
            }
            if (word.equals("CALL")) {
                Optional<String> procedure = procedureName(tokens, i + 1);
                if (procedure.isPresent()
                        && !ALLOWED_PROCEDURES.contains(procedure.get().toLowerCase(Locale.ROOT))) {
                    return Optional.of("procedure " + procedure.get() + " is not allowed; allowed procedures are "
                            + String.join(", ", sortedAllowed()));
                }
            }
        }
        return Optional.empty();
    }

    /** A protected label in a label position, or the password hash property anywhere. */
    private static boolean isProtected(List<Token> tokens, int i) {
        String text = tokens.get(i).text();
        if (text.equals(PROTECTED_PROPERTY)) {
            return true;
        }
        String before = i > 0 ? tokens.get(i - 1).text() : "";
        return PROTECTED_LABELS.contains(text)
                && (before.equals(":") || before.equals("|") || before.equals("&") || before.equals("!"));
    }

    private static List<String> sortedAllowed() {
        return ALLOWED_PROCEDURES.stream().sorted().toList();
    }

    private static String previous(List<Token> tokens, int i) {
        return i > 0 ? tokens.get(i - 1).text() : "";
    }

    private static String next(List<Token> tokens, int i, int offset) {
        int j = i + offset;
        return j < tokens.size() ? tokens.get(j).text() : "";
    }

    /** A word is an identifier after '.', ':' or '$', or as a map key before ':'. */
    private static boolean isIdentifierPosition(List<Token> tokens, int i) {
        String before = i > 0 ? tokens.get(i - 1).text() : "";
        if (before.equals(".") || before.equals(":") || before.equals("$")) {
            return true;
        }
        String after = next(tokens, i, 1);
        return after.equals(":") && (before.equals("{") || before.equals(","));
    }

    private static Optional<String> procedureName(List<Token> tokens, int start) {
        if (start >= tokens.size() || !tokens.get(start).isWord()) {
            return Optional.empty(); // CALL { … } subquery
        }
        StringBuilder name = new StringBuilder(tokens.get(start).text());
        int i = start + 1;
        while (i + 1 < tokens.size()
                && tokens.get(i).text().equals(".")
                && tokens.get(i + 1).isWord()) {
            name.append('.').append(tokens.get(i + 1).text());
            i += 2;
        }
        return Optional.of(name.toString());
    }

    /**
     * Replaces comments with a space and the content of string literals and quoted identifiers with
     * placeholders, keeping the structure the tokenizer needs.
     */
    static String blankLiteralsAndComments(String query) {
        StringBuilder out = new StringBuilder(query.length());
        int i = 0;
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (c == '/' && i + 1 < n && query.charAt(i + 1) == '/') {
                while (i < n && query.charAt(i) != '\n' && query.charAt(i) != '\r') {
                    i++;
                }
                out.append(' ');
            } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '*') {
                int end = query.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("a /* comment is not closed");
                }
                i = end + 2;
                out.append(' ');
            } else if (c == '\'' || c == '"') {
                i = skipQuoted(query, i, c, "a string literal is not closed");
                out.append(" 's' ");
            } else if (c == '`') {
                int start = i;
                i = skipQuoted(query, i, c, "a `quoted name` is not closed");
                String name = query.substring(start + 1, i - 1).replace("``", "`");
                // A quoted name is always an identifier, never a clause; protected names stay visible.
                boolean isProtected = PROTECTED_LABELS.contains(name) || name.equals(PROTECTED_PROPERTY);
                out.append(isProtected ? name : " quotedIdentifier ");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int skipQuoted(String query, int start, char quote, String unclosed) {
        int i = start + 1;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                // `a``b` and 'it''s' double the quote to escape it.
                if (i + 1 < query.length() && query.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw new IllegalArgumentException(unclosed);
    }

    private static List<Token> tokens(String code) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < code.length() && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(code.substring(start, i), true));
            } else {
                tokens.add(new Token(String.valueOf(c), false));
                i++;
            }
        }
        return tokens;
    }

    private record Token(String text, boolean isWord) {}
}
