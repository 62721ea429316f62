package armada.history.format;

import armada.history.History;
import armada.history.HistoryBuilder;
import armada.history.models.KvOp;
import armada.spec.Unit;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The key-value logs of Porcupine's test suite: one flat EDN map per line,
 * {@code {:process 0, :type :invoke, :f :append, :key "4", :value "x 0 1 y"}}, with
 * {@code :type} {@code :invoke}, {@code :ok}, {@code :fail} or {@code :info} and {@code :f}
 * {@code :get}, {@code :put} or {@code :append}. A get that returns nil read the empty value.
 * Blank lines are skipped.
 */
public final class EdnKvLog {

    private EdnKvLog() {
    }

    public static History read(BufferedReader in) throws IOException, FormatException {
        HistoryBuilder b = new HistoryBuilder();
        int n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                event(b, map(line));
            } catch (IllegalArgumentException e) {
                throw new FormatException(n, String.valueOf(e.getMessage()));
            }
        }
        return b.build();
    }

    private static void event(HistoryBuilder b, Map<String, @Nullable Object> m) {
        int process = (int) (long) field(m, "process", Long.class);
        String type = field(m, "type", Keyword.class).name();
        switch (type) {
            case "invoke" -> {
                String key = field(m, "key", String.class);
                String f = field(m, "f", Keyword.class).name();
                b.invoke(process, switch (f) {
                    case "get" -> new KvOp.Get(key);
                    case "put" -> new KvOp.Put(key, field(m, "value", String.class));
                    case "append" -> new KvOp.Append(key, field(m, "value", String.class));
                    default -> throw new IllegalArgumentException(":f must be :get, :put or :append, not :" + f);
                });
            }
            case "ok" -> {
                String f = field(m, "f", Keyword.class).name();
                Object value = m.get("value");
                b.ok(process, f.equals("get") ? (value == null ? "" : field(m, "value", String.class)) : Unit.UNIT);
            }
            case "fail" -> b.fail(process);
            case "info" -> b.info(process);
            default -> throw new IllegalArgumentException(":type must be :invoke, :ok, :fail or :info, not :" + type);
        }
    }

    private static <T> T field(Map<String, @Nullable Object> m, String name, Class<T> type) {
        Object v = m.get(name);
        if (!type.isInstance(v)) {
            String what = type == Long.class ? "a number" : type == Keyword.class ? "a keyword" : "a string";
            throw new IllegalArgumentException(":" + name + " must be " + what + (v == null ? "" : ", not " + v));
        }
        if (type == Long.class && ((Long) v < 0 || (Long) v > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(":" + name + " is out of range: " + v);
        }
        return type.cast(v);
    }

    /** An EDN keyword, without its colon. */
    private record Keyword(String name) {
        @Override
        public String toString() {
            return ":" + name;
        }
    }

    /** A flat EDN map of keyword keys to keywords, integers, strings or nil. */
    private static Map<String, @Nullable Object> map(String line) {
        Map<String, @Nullable Object> m = new HashMap<>();
        int[] pos = {skip(line, 0)};
        if (pos[0] >= line.length() || line.charAt(pos[0]) != '{') {
            throw new IllegalArgumentException("expected an EDN map {...}");
        }
        pos[0]++;
        while (true) {
            pos[0] = skip(line, pos[0]);
            if (pos[0] >= line.length()) {
                throw new IllegalArgumentException("the map is not closed with }");
            }
            if (line.charAt(pos[0]) == '}') {
                if (skip(line, pos[0] + 1) != line.length()) {
                    throw new IllegalArgumentException("unexpected text after the map");
                }
                return m;
            }
            if (!(atom(line, pos) instanceof Keyword key)) {
                throw new IllegalArgumentException("expected a keyword key at column " + (pos[0] + 1));
            }
            pos[0] = skip(line, pos[0]);
            m.put(key.name(), atom(line, pos));
        }
    }

    private static int skip(String s, int i) {
        while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
            i++;
        }
        return i;
    }

    private static @Nullable Object atom(String s, int[] pos) {
        int i = pos[0];
        if (i >= s.length()) {
            throw new IllegalArgumentException("a value is missing at the end of the line");
        }
        char c = s.charAt(i);
        if (c == '"') {
            StringBuilder b = new StringBuilder();
            for (i++; i < s.length() && s.charAt(i) != '"'; i++) {
                char x = s.charAt(i);
                if (x == '\\' && i + 1 < s.length()) {
                    x = switch (s.charAt(++i)) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 'r' -> '\r';
                        default -> s.charAt(i);
                    };
                }
                b.append(x);
            }
            if (i >= s.length()) {
                throw new IllegalArgumentException("unterminated string");
            }
            pos[0] = i + 1;
            return b.toString();
        }
        int start = i;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != ',' && s.charAt(i) != '}') {
            i++;
        }
        String word = s.substring(start, i);
        pos[0] = i;
        if (word.startsWith(":") && word.length() > 1) {
            return new Keyword(word.substring(1));
        }
        if (word.equals("nil")) {
            return null;
        }
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unexpected \"" + word + "\" at column " + (start + 1));
        }
    }
}
