package armada.sim;

import armada.check.Failure;
import armada.world.CrashInvariant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the running execution has done so far: the state the machine's parts ({@link Phases},
 * {@link ChoicePoints}, {@link CrashHandling}) share. Reset at the start of each execution; the
 * random-domain note of the first cut call is kept for the machine's life.
 */
final class Execution {

    final Recorder rec = new Recorder();
    /** The options of the decision being made (one at a time). */
    final Choice choice = new Choice();
    final List<Integer> crashStateCounts = new ArrayList<>();

    Workload workload = EmptyWorkload.INSTANCE;
    Scheduler scheduler = c -> 0;
    boolean seesForced;
    @Nullable CrashInvariant invariant;
    int randomDomain = 2;
    /** Boot runs now, alone, without scheduling points. */
    boolean direct;
    /** Volatile objects carry the generation that made them; a crash starts a new one. */
    int generation;
    int crashes;
    int failures;
    int steps;
    int nextObjectId;
    /** Slots in use: slot 0, the clients, the threads they spawned. */
    int threadCount;
    /** A crash or a failure stops the execution: every live thread unwinds. */
    boolean stopping;
    /** The stop is a crash (recovery comes next). */
    boolean crashing;
    @Nullable Failure failure;
    boolean abandoned;
    boolean crashStatesCut;
    private long[] decisions = new long[64];
    private int decisionCount;
    /** Durable state may have changed since the crash invariant was last checked. */
    boolean durableDirty;
    /** The first random call the explored domain cut, once per machine (where, and its bound). */
    @Nullable String randomCutWhere;
    boolean randomCut;
    /** A cut random call returned a value an earlier cut call returned (in this execution). */
    boolean randomRepeated;
    /** The values below 64 cut random calls returned, as bits; larger ones in the set. */
    long randomSeen;
    final Set<Integer> randomSeenLarge = new HashSet<>();

    void reset(Workload w, Scheduler s, boolean tracing) {
        workload = w;
        scheduler = s;
        seesForced = s.seesForcedSteps();
        invariant = w.crashInvariant();
        crashStateCounts.clear();
        crashStatesCut = false;
        generation = 0;
        crashes = 0;
        failures = 0;
        steps = 0;
        nextObjectId = 0;
        decisionCount = 0;
        failure = null;
        abandoned = false;
        crashing = false;
        stopping = false;
        durableDirty = true;
        randomCut = false;
        randomRepeated = false;
        randomSeen = 0;
        randomSeenLarge.clear();
        rec.reset(tracing);
        threadCount = 1;
    }

    /** Appends a decision the scheduler made among several options. */
    void record(long decision) {
        if (decisionCount == decisions.length) {
            decisions = Arrays.copyOf(decisions, decisionCount * 2);
        }
        decisions[decisionCount++] = decision;
    }

    /** The decisions so far, plus {@code extra} if not null (a decision about to be made). */
    long[] decisions(@Nullable Long extra) {
        long[] out = Arrays.copyOf(decisions, decisionCount + (extra != null ? 1 : 0));
        if (extra != null) {
            out[decisionCount] = extra;
        }
        return out;
    }

    /** For a watchdog on another thread: the decisions made so far (a racy but bounded copy). */
    long[] decisionsSoFar() {
        long[] d = decisions;
        return Arrays.copyOf(d, Math.min(decisionCount, d.length));
    }

    ExecutionRecord finish() {
        return new ExecutionRecord(List.copyOf(rec.history), Arrays.copyOf(decisions, decisionCount),
                failure, abandoned, List.copyOf(rec.trace), steps, crashes, List.copyOf(crashStateCounts),
                crashStatesCut, randomCut ? randomCutWhere : null, randomRepeated);
    }
}
