package armada.tutorial;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Whether a command printed what the document shows: every shown line, in order, matches a line
 * of the output (lines may come between them, and a shown line of only {@code ...} says so);
 * {@code ...} inside a shown line stands for any text (timings, counts that vary).
 */
final class OutputMatch {

    private OutputMatch() {
    }

    /** The first shown line that the output does not have in its place, or null if all match. */
    static @Nullable String firstMissing(List<String> shown, List<String> output) {
        int next = 0;
        for (String s : shown) {
            String want = s.stripTrailing();
            if (want.strip().equals("...")) {
                continue;
            }
            while (next < output.size() && !matches(want, output.get(next).stripTrailing())) {
                next++;
            }
            if (next == output.size()) {
                return want;
            }
            next++;
        }
        return null;
    }

    static boolean matches(String pattern, String line) {
        String[] parts = pattern.split("\\.\\.\\.", -1);
        if (parts.length == 1) {
            return line.equals(pattern);
        }
        if (!line.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = line.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return line.length() - last.length() >= at && line.endsWith(last);
    }
}
