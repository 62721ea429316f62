package armada.junit;

import armada.explore.Scenario;

/**
 * Checks scenarios in tests. One line in any JUnit test:
 *
 * <pre>{@code
 * @Test
 * void putThenGet() {
 *     Armada.check(StoreScenarios.putThenGet());
 * }
 * }</pre>
 *
 * <p>The test passes when the scenario gets its expected verdict (HOLDS, or VIOLATED with the
 * failure kind a broken variant declares). It fails with the shrunk trace and a replay line when
 * the scenario is VIOLATED, and when it is INCONCLUSIVE unless told otherwise
 * ({@link Checker#onInconclusive}, {@link ArmadaTest#inconclusive}, {@code -Darmada.inconclusive=warn}).
 * {@code -Darmada.replay=SCHEDULE} replays one execution instead of searching, with its trace.
 */
public final class Armada {

    /** The system property that replays one execution: its value is the schedule a failure printed. */
    public static final String REPLAY_PROPERTY = "armada.replay";

    private Armada() {
    }

    /** Checks {@code scenario} with the running test's settings; see {@link Checker#check}. */
    public static void check(Scenario<?, ?> scenario) {
        checker().check(scenario);
    }

    /** The running test's settings ({@link ArmadaTest}), or the defaults, to change before checking. */
    public static Checker checker() {
        return CurrentTest.current().defaults();
    }
}
