package io.cellbench.drivers.maccor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.drivers.transport.LineFraming;
import io.cellbench.drivers.transport.LinkDownException;
import io.cellbench.drivers.transport.TransportTimeoutException;
import io.cellbench.drivers.transport.WireText;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One MacNet JSON-RPC 2.0 conversation with a Maccor test system over TCP (port 57570), shared
 * by all channels of a {@link MaccorBank}.
 *
 * <p><b>Framing.</b> MacNet answers one JSON object per request. Maccor's MacNet help prints
 * every reply laid out over several lines; pymacnet's {@code cycler_interface.py} reads until
 * the reply ends in {@code b'\r\n'}. So the driver reads one JSON value off the stream,
 * whatever its layout ({@link JsonReplies}). It sends each request as one compact JSON object
 * followed by "\r\n": JSON allows white space after a value, so a server that parses a JSON
 * value off the stream reads it as it reads pymacnet's indented requests. Every request carries
 * {@code "method":"MacNet"} and its function class/number in {@code params} ({@code FClass},
 * {@code FNum}); channels are numbered from 0 on the wire.
 *
 * <p><b>Atomic transactions.</b> One lock per session: a request and its answer are never
 * interleaved with another channel's. Each request has its own {@code id}; an answer with
 * another id (a late answer to a request that timed out) is refused and the link is renewed.
 *
 * <p><b>Retries.</b> Requests marked safe to repeat (status and aux reads, identification)
 * are sent again on a fresh link when they time out or the link drops, at most
 * {@code retries} more times. Commands are never repeated here (starting a direct-mode test
 * twice is not harmless); the link is renewed before the next request instead.
 */
public final class MacNetSession implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final LineFraming framing;
    private final JsonReplies replies;
    private final Duration timeout;
    private final int retries;
    /** Fair: channels driven from several threads take turns on the one connection. */
    private final ReentrantLock lock = new ReentrantLock(true);
    private long nextId = 1;
    private int reconnects;

    public MacNetSession(LineFraming framing, Duration timeout, int retries) {
        this.framing = Objects.requireNonNull(framing, "framing");
        this.replies = new JsonReplies(framing);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0..10, got " + retries);
        }
        this.retries = retries;
    }

    /** The bank's name (the lab file's instrument name). */
    public String instrument() {
        return framing.instrument();
    }

    public String endpoint() {
        return framing.transport().endpoint();
    }

    /** Connects. */
    public void connect() {
        lock.lock();
        try {
            replies.clear();
            framing.open("connect");
        } finally {
            lock.unlock();
        }
    }

    /** Times the link was renewed after a failure. */
    public int reconnects() {
        lock.lock();
        try {
            return reconnects;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends one MacNet function and returns the {@code result} object of its answer.
     *
     * @param who      the instrument to name in errors ("maccor-1/3" for a channel)
     * @param command  the function as an operator reads it ("ReadStatus (4,7)")
     * @param params   the {@code params} object ({@code FClass}, {@code FNum}, ...)
     * @param safe     true when the request may be repeated after a timeout or a dropped link
     */
    public JsonNode call(String who, String command, ObjectNode params, boolean safe) {
        lock.lock();
        try {
            int attempts = safe ? retries + 1 : 1;
            for (int attempt = 1; ; attempt++) {
                try {
                    return once(who, command, params);
                } catch (TransportTimeoutException | LinkDownException e) {
                    if (attempt >= attempts) {
                        throw e;
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private JsonNode once(String who, String command, ObjectNode params) {
        renewIfNeeded(who, command);
        long id = nextId++;
        ObjectNode request = JSON.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("method", "MacNet");
        request.set("params", params);
        request.put("id", id);
        String line;
        try {
            line = JSON.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a MacNet request", e);
        }
        try {
            framing.writeLine(line);
        } catch (LinkDownException e) {
            throw new LinkDownException(who, command, detail(e, command), e.getCause());
        }
        JsonReplies.Reply reply = replies.read(who, command, timeout);
        JsonNode root = reply.tree();
        String answer = reply.text().contains("\n") ? root.toString() : reply.text(); // messages show one line
        if (!root.has("result") && !root.has("error")) {
            // pymacnet's spoofer answers {"err": 1} to what it does not know
            throw new InstrumentException(who, command, "answer has neither 'result' nor 'error': "
                    + WireText.quote(answer));
        }
        JsonNode answerId = root.get("id");
        if (answerId == null || !answerId.canConvertToLong() || answerId.asLong() != id) {
            framing.markResync();
            throw new InstrumentException(who, command, "answer belongs to request id " + answerId
                    + ", not to " + id + " (a late answer): " + WireText.quote(answer));
        }
        JsonNode error = root.get("error");
        if (error != null && !error.isNull()) {
            throw new MacNetErrorException(who, command, error.path("code").asInt(0), error.path("message").asText(""));
        }
        JsonNode result = root.get("result");
        if (result == null || !result.isObject()) {
            throw new InstrumentException(who, command, "answer has no 'result' object: " + WireText.quote(answer));
        }
        int fClass = params.path("FClass").asInt();
        int fNum = params.path("FNum").asInt();
        if (result.path("FClass").asInt(-1) != fClass || result.path("FNum").asInt(-1) != fNum) {
            throw new InstrumentException(who, command, "answer is for function (" + result.path("FClass")
                    + "," + result.path("FNum") + "), not (" + fClass + "," + fNum + "): " + WireText.quote(answer));
        }
        if (params.has("Chan") && result.has("Chan") && result.get("Chan").asInt() != params.get("Chan").asInt()) {
            throw new InstrumentException(who, command, "answer is for wire channel " + result.get("Chan")
                    + ", not " + params.get("Chan") + ": " + WireText.quote(answer));
        }
        return result;
    }

    private void renewIfNeeded(String who, String command) {
        if (!framing.needsResync()) {
            return;
        }
        try {
            replies.clear();
            framing.reconnect(command);
            reconnects++;
        } catch (LinkDownException e) {
            throw new LinkDownException(who, command, detail(e, command), e.getCause());
        }
    }

    /** The message of a framing exception without its "bank: 'command': " prefix. */
    private String detail(InstrumentException e, String command) {
        String prefix = framing.instrument() + ": '" + command + "': ";
        String m = e.getMessage();
        return m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            framing.close();
        } finally {
            lock.unlock();
        }
    }
}
