package armada.explore;

import armada.check.CheckResult;
import armada.check.Failure;
import armada.check.IncrementalChecker;
import armada.check.RefinementChecker;
import armada.sim.ExecutionRecord;
import org.jspecify.annotations.Nullable;

/**
 * The verifier's role for one execution: the machine's own failure, else the refinement check,
 * incremental along a depth-first search (see {@link IncrementalChecker}), or from the start for
 * each execution of a sampling search, whose executions share little: keeping the checker's
 * state after every event only pays where the next history repeats most of the last one.
 */
final class Judge {

    private final IncrementalChecker<?> checker;
    private final RefinementChecker<?> plain;
    private final boolean incremental;
    private boolean lastVacuous;

    Judge(RefinementChecker<?> checker) {
        this(checker, true);
    }

    Judge(RefinementChecker<?> checker, boolean incremental) {
        this.checker = new IncrementalChecker<>(checker);
        this.plain = checker;
        this.incremental = incremental;
    }

    @Nullable Failure judge(ExecutionRecord r) {
        lastVacuous = false;
        if (r.failure() != null) {
            return r.failure();
        }
        CheckResult result = incremental ? checker.check(r.history()) : plain.check(r.history());
        return switch (result) {
            case CheckResult.Explained e -> {
                lastVacuous = e.vacuous();
                yield null;
            }
            case CheckResult.Unexplained u -> new Failure.NotRefinement(u.eventIndex(), u.why());
        };
    }

    /** What the checker knows after {@code history}, as a value (see {@link IncrementalChecker#stateKey}). */
    Object stateKey(java.util.List<armada.check.Event> history) {
        return checker.stateKey(history);
    }

    boolean lastVacuous() {
        return lastVacuous;
    }
}
