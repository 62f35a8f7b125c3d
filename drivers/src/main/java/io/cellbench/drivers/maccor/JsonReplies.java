package io.cellbench.drivers.maccor;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.databind.JsonNode;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.transport.LineFraming;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportTimeoutException;
import io.cellbench.drivers.transport.WireText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * MacNet's replies, one JSON value each, read from the link whatever their layout. Maccor's
 * MacNet help prints every reply over many lines (with the comma after the {@code result}
 * object on a line of its own), pymacnet reads until the reply ends in "\r\n", and a compact
 * server writes one line: a reader that takes a line for a reply fails on the first two.
 *
 * <p>Jackson's non-blocking parser is fed the bytes as they arrive and says where the value's
 * outermost brace closes; bytes after it (the "\r\n", or the start of the next reply) are kept
 * for the next read. Every read has one overall deadline; a value larger than
 * {@value #MAX_REPLY_BYTES} bytes, bytes that are not JSON, and a value that is not an object
 * are errors that name the instrument and the command, and ask the link to be renewed.
 */
final class JsonReplies {

    static final int MAX_REPLY_BYTES = 256 * 1024;

    private final LineFraming link;
    private final byte[] chunk = new byte[4096];
    private byte[] kept = new byte[0];

    JsonReplies(LineFraming link) {
        this.link = link;
    }

    /** Forgets bytes kept from the last reply (the link was renewed: they belong to the old one). */
    void clear() {
        kept = new byte[0];
    }

    /** A reply: its tree, and its text as it came (for messages). */
    record Reply(JsonNode tree, String text) {
    }

    /**
     * The next reply, an object.
     *
     * @throws TransportTimeoutException when no complete value came within {@code timeout}
     * @throws LinkDownException         when the link failed or was closed by the tester
     * @throws InstrumentException       for bytes that are not a JSON object
     */
    Reply read(String who, String command, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        try (JsonParser parser = MacNetSession.JSON.getFactory().createNonBlockingByteArrayParser()) {
            ByteArrayFeeder feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
            byte[] input = kept;
            kept = new byte[0];
            int depth = 0;
            while (true) {
                if (input.length > 0) {
                    feeder.feedInput(input, 0, input.length);
                    reply.write(input, 0, input.length);
                    input = new byte[0];
                }
                JsonToken token = next(parser, who, command, reply);
                if (token == JsonToken.NOT_AVAILABLE) {
                    if (reply.size() > MAX_REPLY_BYTES) {
                        throw refused(who, command, "answer longer than " + MAX_REPLY_BYTES + " bytes without the end"
                                + " of its JSON value");
                    }
                    input = receive(who, command, timeout, deadline, reply);
                    continue;
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
                if (depth == 0) {
                    int end = (int) parser.currentLocation().getByteOffset();
                    byte[] all = reply.toByteArray();
                    kept = Arrays.copyOfRange(all, end, all.length);
                    String text = new String(all, 0, end, StandardCharsets.UTF_8);
                    if (token != JsonToken.END_OBJECT) {
                        throw refused(who, command, "answer is not a JSON object: " + WireText.quote(text.strip()));
                    }
                    return new Reply(MacNetSession.JSON.readTree(text), text.strip());
                }
            }
        } catch (IOException e) {
            // closing the parser, or re-reading a value it has just accepted: neither fails
            throw new IllegalStateException("cannot read a MacNet reply", e);
        }
    }

    private JsonToken next(JsonParser parser, String who, String command, ByteArrayOutputStream reply) {
        try {
            return parser.nextToken();
        } catch (IOException e) {
            throw refused(who, command, "answer is not a JSON object: " + WireText.quote(reply.toString(
                    StandardCharsets.ISO_8859_1).strip()));
        }
    }

    /** More bytes within the deadline. */
    private byte[] receive(String who, String command, Duration timeout, long deadline, ByteArrayOutputStream reply) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            link.markResync();
            String partial = reply.toString(StandardCharsets.ISO_8859_1).strip();
            throw new TransportTimeoutException(who, command, (partial.isEmpty() ? "no answer within "
                    : "answer incomplete (no complete JSON value) after ") + timeout.toMillis() + " ms on "
                    + link.transport().endpoint() + (partial.isEmpty() ? "" : "; got " + WireText.quote(partial)));
        }
        int n;
        try {
            n = link.transport().read(chunk, 0, chunk.length, remaining);
        } catch (IOException e) {
            link.markResync();
            throw new LinkDownException(who, command, "link failed while waiting for the answer on "
                    + link.transport().endpoint() + ": " + e.getMessage(), e);
        }
        if (n < 0) {
            link.markResync();
            throw new LinkDownException(who, command, "connection closed by the instrument ("
                    + link.transport().endpoint() + ")", null);
        }
        return Arrays.copyOf(chunk, n);
    }

    /** An answer that cannot be used: the rest of it may still be on its way, so the link is renewed. */
    private InstrumentException refused(String who, String command, String why) {
        link.markResync();
        kept = new byte[0];
        return new InstrumentException(who, command, why);
    }
}
