package armada.cli;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes {@code armada check} exit 1 ({@code --fail-on}): a verdict other than the expected
 * one (the default), any VIOLATED verdict, any INCONCLUSIVE one; a scenario that could not be
 * checked always does.
 */
enum FailOn {
    UNEXPECTED, VIOLATED, INCONCLUSIVE;

    static final String NAMES = "unexpected, violated or inconclusive";

    /** The set the option names; null for a word that is none of them. */
    static Set<FailOn> parse(List<String> words) {
        Set<FailOn> set = EnumSet.noneOf(FailOn.class);
        for (String w : words) {
            FailOn f = switch (w.strip().toLowerCase(Locale.ROOT)) {
                case "unexpected" -> UNEXPECTED;
                case "violated" -> VIOLATED;
                case "inconclusive" -> INCONCLUSIVE;
                default -> throw new IllegalArgumentException("--fail-on takes " + NAMES + ", not '" + w + "'");
            };
            set.add(f);
        }
        return set;
    }

    /** Whether a verdict labelled {@code label} fails the run under {@code set}. */
    static boolean fails(Set<FailOn> set, String label, boolean asExpected) {
        return (set.contains(UNEXPECTED) && !asExpected)
                || (set.contains(VIOLATED) && label.equals("VIOLATED"))
                || (set.contains(INCONCLUSIVE) && label.equals("INCONCLUSIVE"));
    }
}
