package armada.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a schedule: the decision tokens joined by dots, e.g. {@code t0.t1r1.c.s2.m}
 * (see {@link Choice#token}); {@code -} is the empty schedule.
 */
public final class Schedules {

    private Schedules() {
    }

    public static String format(long[] decisions) {
        StringBuilder b = new StringBuilder();
        for (long d : decisions) {
            if (!b.isEmpty()) {
                b.append('.');
            }
            b.append(Choice.token(d));
        }
        return b.isEmpty() ? "-" : b.toString();
    }

    /** Parses a schedule string; throws IllegalArgumentException with a one-line reason. */
    public static long[] parse(String schedule) {
        String s = schedule.strip();
        if (s.isEmpty() || s.equals("-")) {
            return new long[0];
        }
        List<Long> out = new ArrayList<>();
        for (String token : s.split("\\.", -1)) {
            out.add(Choice.parse(token));
        }
        long[] result = new long[out.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = out.get(i);
        }
        return result;
    }
}
