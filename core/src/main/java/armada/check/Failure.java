package armada.check;

/**
 * Why one execution is wrong. Each kind of failure is its own record, so reports and tests can
 * tell them apart; {@link #kind()} is its stable name in JSON and in traces.
 */
public sealed interface Failure {

    /** Every failure kind's name, as {@link #kind()} gives it. */
    java.util.List<String> KINDS = java.util.List.of("not-refinement", "deadlock", "livelock", "data-race",
            "stale-object", "lock-misuse", "step-bound", "exception", "crash-invariant", "stuck", "layer-undefined", "false-mover",
            "protocol-violation", "abstraction-broken", "partition-broken", "retry-changes-state");

    /** A stable, lower-case name for the kind of failure. */
    String kind();

    /** One line saying what went wrong. */
    String message();

    /** The history has no linearization that the spec allows (DESIGN.md section 4). */
    record NotRefinement(int eventIndex, String why) implements Failure {
        @Override
        public String kind() {
            return "not-refinement";
        }

        @Override
        public String message() {
            return "no linearization explains the history at event " + eventIndex + ": " + why;
        }
    }

    /** Live threads remain but none can take a step. */
    record Deadlock(String waiting) implements Failure {
        @Override
        public String kind() {
            return "deadlock";
        }

        @Override
        public String message() {
            return "deadlock: " + waiting;
        }
    }

    /**
     * Live threads remain, none can take a step, and some of them spin: they keep re-reading
     * memory that nothing will change any more.
     */
    record Livelock(String waiting) implements Failure {
        @Override
        public String kind() {
            return "livelock";
        }

        @Override
        public String message() {
            return "livelock: " + waiting;
        }
    }

    /** Two accesses to a memory cell, one a write, not ordered by a lock, spawn or join. */
    record DataRace(String cell, String first, String second) implements Failure {
        @Override
        public String kind() {
            return "data-race";
        }

        @Override
        public String message() {
            return "data race on " + cell + ": " + first + " and " + second + " are not ordered";
        }
    }

    /** A volatile object made before a crash was used after it. */
    record StaleObject(String object, int createdBeforeCrash) implements Failure {
        @Override
        public String kind() {
            return "stale-object";
        }

        @Override
        public String message() {
            return "stale object " + object + " created before crash " + createdBeforeCrash;
        }
    }

    /** A lock used against its rules: unlocking a free lock or another thread's lock. */
    record LockMisuse(String detail) implements Failure {
        @Override
        public String kind() {
            return "lock-misuse";
        }

        @Override
        public String message() {
            return detail;
        }
    }

    /** An execution took more steps than the bound allows: an unbounded loop, or a bound too small. */
    record StepBoundExceeded(int bound) implements Failure {
        @Override
        public String kind() {
            return "step-bound";
        }

        @Override
        public String message() {
            return "step bound exceeded: more than " + bound
                    + " steps in one execution (a livelock, or raise --max-steps)";
        }
    }

    /** Code under check threw an exception. */
    record UserException(String thread, String exception, String where) implements Failure {
        @Override
        public String kind() {
            return "exception";
        }

        @Override
        public String message() {
            return thread + " threw " + exception + (where.isEmpty() ? "" : " at " + where);
        }
    }

    /**
     * The crash invariant did not hold in a durable state a crash could leave at this point;
     * {@code state} says which (for example "every unsynced write survived").
     */
    record CrashInvariantBroken(String invariant, String state) implements Failure {
        @Override
        public String kind() {
            return "crash-invariant";
        }

        @Override
        public String message() {
            return "crash invariant broken: " + invariant + (state.isEmpty() ? "" : ", if a crash left " + state);
        }
    }

    /**
     * An execution did not finish: code under check looped or blocked without calling the World,
     * which the simulator cannot preempt. {@code where} is the stuck thread's name and stack.
     */
    record Stuck(double seconds, String where) implements Failure {
        @Override
        public String kind() {
            return "stuck";
        }

        @Override
        public String message() {
            return "an execution ran for more than " + seconds + " s without calling the World: " + where;
        }
    }

    /**
     * Code called an operation of the layer below in a state where that layer's spec says its
     * behaviour is undefined: the code above broke the lower layer's precondition.
     */
    record LayerUndefined(String layer, String call, String state) implements Failure {
        @Override
        public String kind() {
            return "layer-undefined";
        }

        @Override
        public String message() {
            return call + " has undefined behaviour in layer " + layer + " from state " + state;
        }
    }

    /**
     * A mover claim about a layer's operations is false: the commutation diagram (CSPEC Fig. 10)
     * fails for {@code detail}'s two operations, from its state, with its two differing outcomes.
     */
    record FalseMoverClaim(String claim, String detail) implements Failure {
        @Override
        public String kind() {
            return "false-mover";
        }

        @Override
        public String message() {
            return "mover claim '" + claim + "' is false: " + detail;
        }
    }

    /**
     * Code called an operation of the layer below that the layer's protocol (CSPEC section 6.2,
     * {@code armada.layers.Protocol}) does not allow to that caller in that state.
     */
    record ProtocolViolation(String layer, String protocol, String call, String state) implements Failure {
        @Override
        public String kind() {
            return "protocol-violation";
        }

        @Override
        public String message() {
            return call + " breaks the protocol of layer " + layer + " ('" + protocol + "') in state " + state;
        }
    }

    /**
     * An abstraction from a lower layer's states to an upper layer's (CSPEC section 6.3,
     * {@code armada.layers.Abstraction}) is broken: {@code detail} gives the step and both states.
     */
    record AbstractionBroken(String abstraction, String detail) implements Failure {
        @Override
        public String kind() {
            return "abstraction-broken";
        }

        @Override
        public String message() {
            return "abstraction " + abstraction + " is broken: " + detail;
        }
    }

    /**
     * Two calls on different shards of a partitioned layer ({@code armada.layers.Partition}) do
     * not commute: {@code detail} gives the calls, the state and what each order gives.
     */
    record PartitionBroken(String partition, String detail) implements Failure {
        @Override
        public String kind() {
            return "partition-broken";
        }

        @Override
        public String message() {
            return "partition " + partition + " is broken: " + detail;
        }
    }

    /**
     * A retry loop's failed attempt ({@code armada.layers.RetryLoop}) may change the layer's
     * state, so the loop cannot be checked as its one successful attempt.
     */
    record RetryChangesState(String layer, String call, String state, String outcome) implements Failure {
        @Override
        public String kind() {
            return "retry-changes-state";
        }

        @Override
        public String message() {
            return "retried call " + call + " of layer " + layer + " can fail and change the state: from " + state
                    + " it may give " + outcome;
        }
    }
}
