package armada.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The replay line a check prints must run as printed, from wherever the user ran armada. */
class ReplayLineTest {

    @Test
    void noLauncherProperty_startsWithTheCheckoutScript() {
        // Run in-process (tests, the shipped scenarios from the checkout): ./armada.
        assertThat(new ReplayLine(null, null, true).command("kv/put-get", "t0.c.s1"))
                .isEqualTo("./armada check kv/put-get --replay t0.c.s1");
    }

    @Test
    void launcherPath_classPathAndCrashBound_allInTheLine_quotedForTheShell() {
        // The script passes its own path: a user in their project ran /opt/armada java/armada, and
        // the line must name it (quoted, it has a space), their class path and the crash bound.
        String before = System.getProperty(ReplayLine.COMMAND_PROPERTY);
        System.setProperty(ReplayLine.COMMAND_PROPERTY, "/opt/armada java/armada");
        try {
            assertThat(new ReplayLine("target/classes:target/test-classes", 2, true).command("kv/put-get", "t0.c"))
                    .isEqualTo("'/opt/armada java/armada' check kv/put-get --classpath"
                            + " target/classes:target/test-classes --max-crashes 2 --replay t0.c");
        } finally {
            if (before == null) {
                System.clearProperty(ReplayLine.COMMAND_PROPERTY);
            } else {
                System.setProperty(ReplayLine.COMMAND_PROPERTY, before);
            }
        }
    }

    @Test
    void searchWithoutTheMoverReduction_replaysWithoutIt() {
        // The schedule of a search that made every layer call a scheduling point has decisions
        // the glued search does not offer: the line must turn the reduction off too.
        assertThat(new ReplayLine(null, null, false).command("tso-counter/counter-on-lock", "t0.t1"))
                .isEqualTo("./armada check tso-counter/counter-on-lock --no-mover-reduction --replay t0.t1");
    }

    @Test
    void searchWithEagerCrashStates_replaysWithThem() {
        // A schedule found with every crash state offered at the crash names them there (s1...);
        // with lazy crash states those decisions come at the first read: the line keeps the option.
        assertThat(new ReplayLine(null, null, true, false).command("applog/no-fsync", "t0.c.s1"))
                .isEqualTo("./armada check applog/no-fsync --no-lazy-crash-states --replay t0.c.s1");
    }
}
