package no.govgraph.ingest.parse;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * The framed protocol between the importer and a {@link ParseWorker} process over the child's
 * stdin and stdout: each frame is a 4-byte marker, a 4-byte big-endian length and that many bytes
 * of JSON. The marker catches anything else that reaches the child's stdout (the JVM itself prints
 * some fatal errors there) before it could be taken for a length.
 *
 * <pre>
 * importer → worker: ParserSettings            (once, at start)
 * worker → importer: Ready                     (once Tika is loaded)
 * importer → worker: Request {seq, path}       (one file)
 * worker → importer: Reply {seq, documents | failure}
 * </pre>
 *
 * The importer closes the child's stdin to stop it; a child that dies or hangs is killed and
 * replaced.
 */
final class WorkerProtocol {

    /** Starts every frame: "GGW1". */
    static final int MARKER = 0x47475731;

    /** Frames larger than this are refused: a reply holds at most the write limit in characters. */
    static final int MAX_FRAME_BYTES = 512 * 1024 * 1024;

    static final ObjectMapper JSON = new ObjectMapper()
            // Records travel by their fields; helpers such as isContainer() are not properties.
            .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private WorkerProtocol() {}

    record Ready(long pid) {}

    record Request(long seq, String path) {}

    /** One file's outcome: documents when it parsed, else the failure's reason. */
    record Reply(long seq, List<ExtractedDocument> documents, String failure) {

        static Reply of(long seq, ExtractionResult result) {
            if (result instanceof ExtractionResult.Parsed parsed) {
                return new Reply(seq, parsed.documents(), null);
            }
            return new Reply(seq, null, ((ExtractionResult.Failed) result).reason());
        }

        ExtractionResult result() {
            return failure != null ? new ExtractionResult.Failed(failure) : new ExtractionResult.Parsed(documents);
        }
    }

    static void write(DataOutputStream out, Object message) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(message);
        out.writeInt(MARKER);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    /** The next frame as {@code type}; {@link java.io.EOFException} when the other side closed the stream. */
    static <T> T read(DataInputStream in, Class<T> type) throws IOException {
        int marker = in.readInt();
        if (marker != MARKER) {
            throw new IOException("Not a frame from the other process (it wrote something else to its output)");
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME_BYTES) {
            throw new IOException("Corrupt frame from the other process (length " + length + ")");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return JSON.readValue(bytes, type);
    }
}
