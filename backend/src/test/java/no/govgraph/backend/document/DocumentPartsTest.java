package no.govgraph.backend.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentPartsTest {

    @Test
    void marksMentionsByNameOrAliasAsWholeWords() {
        var mentions = MentionFinder.find(
                "NAV Frogner og Frognerseteren; Lean i NAV Frogner.",
                List.of(
                        new MentionFinder.Named("office:0301", "Office", List.of("Nav Frogner", "Frogner")),
                        new MentionFinder.Named("tool:lean", "Tool", List.of("Lean")),
                        new MentionFinder.Named("tool:kaizen", "Tool", List.of("Kaizen"))));
        assertThat(mentions)
                .extracting(m -> m.start() + "-" + m.end() + " " + m.entityId())
                .containsExactly("0-0 tool:kaizen", "0-11 office:0301", "31-35 tool:lean", "38-49 office:0301");
    }

    @Test
    void neverLetsABrowserRunADownload() {
        var html = new OriginalFile(Path.of("x.html"), "x.html", "text/html; charset=UTF-8");
        assertThat(html.contentType()).isEqualTo("application/octet-stream");
        assertThat(new OriginalFile(Path.of("x.svg"), "x.svg", "image/svg+xml").contentType())
                .isEqualTo("application/octet-stream");
        assertThat(new OriginalFile(Path.of("x.pdf"), "x.pdf", "application/pdf").contentType())
                .isEqualTo("application/pdf");
        assertThat(new OriginalFile(Path.of("x"), "a\"b;\r\nc æ.pdf", null).contentDisposition())
                .isEqualTo("attachment; filename=\"a_b___c _.pdf\"; filename*=UTF-8''a%22b%3B%0D%0Ac%20%C3%A6.pdf");
    }
}
