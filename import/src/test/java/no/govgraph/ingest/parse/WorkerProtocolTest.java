package no.govgraph.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerProtocolTest {

    private static DataInputStream framesOf(Object... messages) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Object m : messages) {
            WorkerProtocol.write(out, m);
        }
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void carriesSettingsRequestsAndRepliesIntact() throws IOException {
        ExtractedDocument doc = new ExtractedDocument(
                "/1",
                "vedlegg.pdf",
                "ab".repeat(32),
                123L,
                "application/pdf",
                "Tittel «æøå»",
                "Kari",
                "2015-01-02T03:04:05Z",
                null,
                2,
                true,
                false,
                null,
                List.of(new TextBlock(2, TextBlock.Kind.ROW, "a | b")));
        ExtractedDocument container = new ExtractedDocument(
                "", "e.eml", null, null, "message/rfc822", null, null, null, null, null, false, false, null, List.of());
        DataInputStream in = framesOf(
                ParserSettings.DEFAULTS.withOcr(true),
                new WorkerProtocol.Request(7, "/tmp/x.pdf"),
                WorkerProtocol.Reply.of(7, new ExtractionResult.Parsed(List.of(container, doc))),
                WorkerProtocol.Reply.of(8, new ExtractionResult.Failed("encrypted")));

        assertThat(WorkerProtocol.read(in, ParserSettings.class)).isEqualTo(ParserSettings.DEFAULTS.withOcr(true));
        assertThat(WorkerProtocol.read(in, WorkerProtocol.Request.class))
                .isEqualTo(new WorkerProtocol.Request(7, "/tmp/x.pdf"));
        assertThat(WorkerProtocol.read(in, WorkerProtocol.Reply.class).result())
                .isEqualTo(new ExtractionResult.Parsed(List.of(container, doc)));
        assertThat(WorkerProtocol.read(in, WorkerProtocol.Reply.class).result())
                .isEqualTo(new ExtractionResult.Failed("encrypted"));
        assertThatThrownBy(() -> WorkerProtocol.read(in, WorkerProtocol.Reply.class))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void refusesAnythingElseOnTheStream() {
        byte[] noise = "Terminating due to java.lang.OutOfMemoryError".getBytes(StandardCharsets.UTF_8);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(noise));

        assertThatThrownBy(() -> WorkerProtocol.read(in, WorkerProtocol.Reply.class))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Not a frame");
    }
}
