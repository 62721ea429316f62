package armada.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArmadaCheckTest {

    private static final Pattern REPLAY = Pattern.compile("-Darmada\\.replay=(\\S+)");

    @Test
    void correctScenario_passesAndReportsItsBounds() {
        // The locked counter refines the spec in every interleaving: HOLDS, said with its bounds.
        FixtureRun run = FixtureRun.of(ArmadaFixtures.Correct.class, "locked");
        assertThat(run.passed()).as(run.failure()).isTrue();
        assertThat(run.entries()).singleElement().asString()
                .startsWith("armada=counter/locked: HOLDS within bounds (crashes<=0")
                .contains("threads=2").containsPattern("[0-9]+ executions in");
    }

    @Test
    void brokenScenario_failsWithTraceAndReplayLine() {
        // Two unlocked increments race on the cell: the test fails with the shrunk trace and a
        // replay line naming this very test for Maven and for an IDE.
        FixtureRun run = FixtureRun.of(ArmadaFixtures.Broken.class, "racy");
        assertThat(run.passed()).isFalse();
        assertThat(run.failure())
                .startsWith("counter/racy: VIOLATED within bounds (")
                .contains("failure: data-race")
                .contains("replay:  mvn test -Dtest='ArmadaFixtures$Broken#racy' -Darmada.replay=")
                .contains("(in an IDE: run ArmadaFixtures$Broken.racy with the VM option -Darmada.replay=")
                .contains("steps:").contains("history:");
    }

    @Test
    void replayProperty_replaysTheFailingExecutionWithItsTrace() {
        // The printed schedule, given back as -Darmada.replay, runs that one execution again: the
        // same failure, the same steps, no search.
        FixtureRun first = FixtureRun.of(ArmadaFixtures.Broken.class, "racy");
        String schedule = schedule(first.failure());
        FixtureRun replayed = withProperty(Armada.REPLAY_PROPERTY, schedule,
                () -> FixtureRun.of(ArmadaFixtures.Broken.class, "racy"));
        assertThat(replayed.passed()).isFalse();
        assertThat(replayed.failure()).startsWith("counter/racy: replayed schedule " + schedule + ": VIOLATED")
                .contains("failure: data-race")
                .contains(steps(first.failure()));
    }

    @Test
    void replayProperty_correctExecution_passesAndSaysSo() {
        // "-" is the execution that runs each thread to its end in turn; the locked counter is
        // correct there, and the replay says so, with its steps.
        FixtureRun run = withProperty(Armada.REPLAY_PROPERTY, "-", () -> FixtureRun.of(ArmadaFixtures.Correct.class,
                "locked"));
        assertThat(run.passed()).as(run.failure()).isTrue();
        assertThat(run.entries()).singleElement().asString()
                .contains("counter/locked: replayed schedule -: this execution is correct")
                .contains("steps:").contains("invoke Inc[]");
    }

    @Test
    void replayProperty_scheduleOfAnotherScenario_failsClearly() {
        // A schedule that names a thread this scenario does not have cannot be followed.
        FixtureRun run = withProperty(Armada.REPLAY_PROPERTY, "t7", () -> FixtureRun.of(ArmadaFixtures.Correct.class,
                "locked"));
        assertThat(run.passed()).isFalse();
        assertThat(run.failure()).startsWith("counter/locked: -Darmada.replay=t7 does not replay an execution of"
                + " this scenario: ").doesNotContain("\n");
    }

    @Test
    void inconclusive_failsByDefault() {
        // One execution of several proves nothing: by default that fails the test, saying why.
        FixtureRun run = FixtureRun.of(ArmadaFixtures.Budget.class, "cutShort");
        assertThat(run.passed()).isFalse();
        assertThat(run.failure()).startsWith("counter/locked: INCONCLUSIVE within bounds (")
                .contains("1 executions in").contains("because the execution budget (1) ran out")
                .contains("-Darmada.inconclusive=warn");
    }

    @Test
    void inconclusive_warnSetting_passesWithAWarning() {
        // @ArmadaTest(inconclusive = WARN): the same cut search passes, with a warning entry.
        FixtureRun run = FixtureRun.of(ArmadaFixtures.Budget.class, "cutShortWarns");
        assertThat(run.passed()).as(run.failure()).isTrue();
        assertThat(run.entries()).singleElement().asString()
                .startsWith("armada.warning=counter/locked: INCONCLUSIVE").contains("execution budget (1) ran out");
    }

    @Test
    void inconclusiveProperty_overridesTheTest() {
        // -Darmada.inconclusive wins over the test's own setting, both ways.
        FixtureRun lax = withProperty(Inconclusive.PROPERTY, "warn", () -> FixtureRun.of(ArmadaFixtures.Budget.class,
                "cutShort"));
        assertThat(lax.passed()).as(lax.failure()).isTrue();
        FixtureRun strict = withProperty(Inconclusive.PROPERTY, "fail",
                () -> FixtureRun.of(ArmadaFixtures.Budget.class, "cutShortWarns"));
        assertThat(strict.passed()).isFalse();
        assertThat(strict.failure()).contains("INCONCLUSIVE");
    }

    @Test
    void withoutTheExtension_replayLineNamesTheCallingTest() {
        // A plain @Test has no extension bound: the calling method is found on the stack.
        FixtureRun run = FixtureRun.of(ArmadaFixtures.Plain.class, "racyWithoutExtension");
        assertThat(run.passed()).isFalse();
        assertThat(run.failure()).contains("-Dtest='ArmadaFixtures$Plain#racyWithoutExtension' -Darmada.replay=");
    }

    @Test
    void brokenVariant_failingAsDeclared_passes() {
        // A scenario that declares its failure kind is a shipped broken variant: failing so is its job.
        FixtureRun run = FixtureRun.of(ArmadaFixtures.Expected.class, "brokenVariant");
        assertThat(run.passed()).as(run.failure()).isTrue();
        assertThat(run.entries()).singleElement().asString().contains("VIOLATED")
                .contains("failing as expected");
    }

    @Test
    void brokenVariant_thatHolds_fails() {
        // A broken variant that holds no longer shows its bug: that is a failure.
        FixtureRun run = FixtureRun.of(ArmadaFixtures.Expected.class, "brokenVariantThatHolds");
        assertThat(run.passed()).isFalse();
        assertThat(run.failure()).contains("HOLDS").contains("expected to fail with data-race");
    }

    private static String schedule(String failure) {
        Matcher m = REPLAY.matcher(failure);
        assertThat(m.find()).as(failure).isTrue();
        return m.group(1);
    }

    /** The steps section of a rendered trace. */
    private static String steps(String failure) {
        int from = failure.indexOf("steps:");
        int to = failure.indexOf("history:");
        assertThat(from).isNotNegative();
        return failure.substring(from, to);
    }

    private static <T> T withProperty(String key, String value, Supplier<T> body) {
        System.setProperty(key, value);
        try {
            return body.get();
        } finally {
            System.clearProperty(key);
        }
    }
}
