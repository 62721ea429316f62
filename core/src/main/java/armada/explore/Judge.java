package armada.explore;

import armada.check.CheckResult;
import armada.check.Failure;
import armada.check.IncrementalChecker;
import armada.check.RefinementChecker;
import armada.sim.ExecutionRecord;
import org.jspecify.annotations.Nullable;

/**
 * The verifier's role for one execution: the machine's own failure, else the refinement check,
 * incremental along the search (see {@link IncrementalChecker}).
 */
final class Judge {

    private final IncrementalChecker<?> checker;
    private boolean lastVacuous;

    Judge(RefinementChecker<?> checker) {
        this.checker = new IncrementalChecker<>(checker);
    }

    @Nullable Failure judge(ExecutionRecord r) {
        lastVacuous = false;
        if (r.failure() != null) {
            return r.failure();
        }
        CheckResult result = checker.check(r.history());
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
