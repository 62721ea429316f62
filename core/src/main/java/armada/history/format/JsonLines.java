package armada.history.format;

import armada.history.History;
import armada.history.HistoryBuilder;
import armada.history.MalformedHistoryException;
import armada.history.RecordedEvent;
import armada.spec.Op;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Armada's history format (docs/HISTORY.md): one JSON object per line, one event per object, in
 * real-time order; operations and results encoded by an {@link OpCodec}, so any spec whose
 * operations are records can be used.
 *
 * <pre>
 * {"type": "invoke", "client": 1, "op": "Write", "args": {"value": 3}}
 * {"type": "ok", "client": 1, "result": null}
 * {"type": "info", "client": 2}
 * {"type": "crash"}
 * {"type": "recovered"}
 * </pre>
 */
public final class JsonLines {

    private final OpCodec codec;
    /** Each client's outstanding operation while reading, to decode its result by the type it declares. */
    private final Map<Integer, Op<?>> outstanding = new HashMap<>();

    private JsonLines(OpCodec codec) {
        this.codec = codec;
    }

    /** Reads a whole history whose operations {@code codec} knows; blank lines are skipped. */
    public static History read(BufferedReader in, OpCodec codec) throws IOException, FormatException {
        return new JsonLines(codec).read(in);
    }

    private History read(BufferedReader in) throws IOException, FormatException {
        HistoryBuilder b = new HistoryBuilder();
        int n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                b.add(event(line));
            } catch (Json.SyntaxError | OpCodec.CodecException | MalformedHistoryException e) {
                throw new FormatException(n, String.valueOf(e.getMessage()));
            }
        }
        return b.build();
    }

    private RecordedEvent event(String line) throws Json.SyntaxError, OpCodec.CodecException {
        if (!(Json.parse(line) instanceof Map<?, ?> map)) {
            throw new OpCodec.CodecException("each line must be one JSON object");
        }
        if (!(map.get("type") instanceof String type)) {
            throw new OpCodec.CodecException("field \"type\" (a string) is missing");
        }
        return switch (type) {
            case "invoke" -> {
                only(map, Set.of("type", "client", "op", "args"));
                if (!(map.get("op") instanceof String name)) {
                    throw new OpCodec.CodecException("field \"op\" (the operation's name, a string) is missing");
                }
                int client = client(map);
                Op<?> op = codec.decodeOp(name, map.get("args"));
                outstanding.put(client, op);
                yield new RecordedEvent.Invoke(client, op);
            }
            case "ok" -> {
                only(map, Set.of("type", "client", "result"));
                int client = client(map);
                Op<?> op = outstanding.remove(client);
                if (op != null && !map.containsKey("result") && OpCodec.resultType(op.getClass()) != armada.spec.Unit.class) {
                    throw new OpCodec.CodecException("field \"result\" is missing (" + op + " returns a value)");
                }
                yield new RecordedEvent.Ok(client, op == null ? null : codec.decodeResult(op, map.get("result")));
            }
            case "fail" -> {
                only(map, Set.of("type", "client"));
                int client = client(map);
                outstanding.remove(client);
                yield new RecordedEvent.Fail(client);
            }
            case "info" -> {
                only(map, Set.of("type", "client"));
                int client = client(map);
                outstanding.remove(client);
                yield new RecordedEvent.Indeterminate(client);
            }
            case "crash" -> {
                only(map, Set.of("type"));
                yield new RecordedEvent.Crash();
            }
            case "recovered" -> {
                only(map, Set.of("type"));
                yield new RecordedEvent.Recovered();
            }
            default -> throw new OpCodec.CodecException("unknown type \"" + type
                    + "\" (invoke, ok, fail, info, crash or recovered)");
        };
    }

    private static void only(Map<?, ?> map, Set<String> allowed) throws OpCodec.CodecException {
        for (Object key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw new OpCodec.CodecException("unknown field \"" + key + "\" in a \"" + map.get("type") + "\" event");
            }
        }
    }

    private static int client(Map<?, ?> map) throws OpCodec.CodecException {
        if (!(map.get("client") instanceof Long l) || l < 0 || l > Integer.MAX_VALUE) {
            throw new OpCodec.CodecException("field \"client\" (a number from 0) is missing");
        }
        return (int) (long) l;
    }

    /** Writes {@code history} in this format. */
    public static void write(History history, Writer out) throws IOException, OpCodec.CodecException {
        for (RecordedEvent e : history.events()) {
            out.write(line(e));
            out.write('\n');
        }
    }

    /** One event as one line (without the line break). */
    public static String line(RecordedEvent event) throws OpCodec.CodecException {
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        switch (event) {
            case RecordedEvent.Invoke e -> {
                m.put("type", "invoke");
                m.put("client", (long) e.client());
                m.put("op", OpCodec.name(e.op()));
                Map<String, @Nullable Object> args = OpCodec.encodeArgs(e.op());
                if (!args.isEmpty()) {
                    m.put("args", args);
                }
            }
            case RecordedEvent.Ok e -> {
                m.put("type", "ok");
                m.put("client", (long) e.client());
                m.put("result", OpCodec.encode(e.result()));
            }
            case RecordedEvent.Fail e -> {
                m.put("type", "fail");
                m.put("client", (long) e.client());
            }
            case RecordedEvent.Indeterminate e -> {
                m.put("type", "info");
                m.put("client", (long) e.client());
            }
            case RecordedEvent.Crash e -> m.put("type", "crash");
            case RecordedEvent.Recovered e -> m.put("type", "recovered");
        }
        return Json.write(m);
    }
}
