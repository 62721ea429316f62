package armada.tutorial;

import java.util.ArrayList;
import java.util.List;

/**
 * A change shown as a unified diff without line numbers: lines starting with a space are context,
 * {@code -} lines are removed, {@code +} lines added ({@code @@} lines are ignored). It applies to
 * a text that holds its old lines exactly once, as a reader following it by hand needs.
 */
final class Diff {

    private Diff() {
    }

    /** {@code text} with the change made; throws if the old lines are not in it exactly once. */
    static String apply(String text, List<String> diff) {
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (String line : diff) {
            if (line.startsWith("@@")) {
                continue;
            }
            String rest = line.isEmpty() ? "" : line.substring(1);
            char kind = line.isEmpty() ? ' ' : line.charAt(0);
            switch (kind) {
                case ' ' -> {
                    before.add(rest);
                    after.add(rest);
                }
                case '-' -> before.add(rest);
                case '+' -> after.add(rest);
                default -> throw new IllegalArgumentException("a diff line starts with ' ', '-' or '+': " + line);
            }
        }
        String old = String.join("\n", before) + "\n";
        String changed = String.join("\n", after) + "\n";
        int at = text.indexOf(old);
        if (at < 0) {
            throw new IllegalArgumentException("the diff does not apply: these lines are not in the file:\n" + old);
        }
        if (text.indexOf(old, at + 1) >= 0) {
            throw new IllegalArgumentException("the diff is ambiguous: these lines are in the file twice:\n" + old);
        }
        return text.substring(0, at) + changed + text.substring(at + old.length());
    }
}
