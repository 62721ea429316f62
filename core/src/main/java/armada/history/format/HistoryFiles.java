package armada.history.format;

import armada.history.History;
import armada.history.HistoryModel;
import armada.history.models.CasOp;
import armada.history.models.KvOp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a history file in whichever format it is in, told by its first non-blank line: Armada's
 * JSON lines ({@code {"type": ...}}), Porcupine's EDN key-value log ({@code {:process ...}}) or a
 * Jepsen register log ({@code INFO jepsen.util ...}). The last two fit only their own model.
 */
public final class HistoryFiles {

    private HistoryFiles() {
    }

    /** The history in {@code file}, for {@code model}. */
    public static History read(Path file, HistoryModel<?> model) throws IOException, FormatException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return read(text, model);
    }

    /** The history {@code text} holds, for {@code model}. */
    public static History read(String text, HistoryModel<?> model) throws IOException, FormatException {
        String first = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        BufferedReader in = new BufferedReader(new StringReader(text));
        if (first.startsWith("{:")) {
            requireModel(model, KvOp.class, "an EDN key-value log", "kv", text);
            return EdnKvLog.read(in);
        }
        if (first.startsWith("INFO")) {
            requireModel(model, CasOp.class, "a Jepsen register log", "cas-register", text);
            return JepsenLog.read(in);
        }
        return JsonLines.read(in, OpCodec.of(model.operations()));
    }

    private static void requireModel(HistoryModel<?> model, Class<?> ops, String format, String name, String text)
            throws FormatException {
        if (model.operations() != ops) {
            int line = 1 + (int) text.lines().takeWhile(String::isBlank).count();
            throw new FormatException(line, "this is " + format + ", which only --model " + name + " reads");
        }
    }
}
