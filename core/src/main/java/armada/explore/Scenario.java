package armada.explore;

import armada.world.CrashInvariant;
import armada.world.DurableState;
import armada.world.Durability;
import armada.sim.Workload;
import armada.spec.Op;
import armada.spec.Spec;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * What to check: a spec, an implementation (boot, recovery, and how each operation is run on
 * it), the client threads' operations, the operations run after them and after every recovery,
 * the World's disks, and the bounds of the fault model. Build one with {@link #builder}.
 *
 * @param <S> the spec's state
 * @param <I> the implementation
 */
public final class Scenario<S, I> implements Workload {

    private final String name;
    private final String description;
    private final Expectation expected;
    private final @Nullable String expectedFailure;
    private final boolean benchmark;
    private final Spec<S> spec;
    private final int disks;
    private final int diskSize;
    private final List<String> directories;
    private final Function<World, I> boot;
    private final @Nullable Function<World, I> recover;
    private final BiFunction<I, Op<?>, Object> driver;
    private final List<List<Op<?>>> clients;
    private final List<Op<?>> after;
    private final FaultModel faults;
    private final int maxSteps;
    private final int randomDomain;
    private final boolean lazyCrashStates;
    private final @Nullable CrashInvariant crashInvariant;
    private final armada.layers.@Nullable MoverCheck<?> moverClaims;
    private final List<armada.layers.LayerCheck> layerChecks;

    private Scenario(Builder<S, I> b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.description = b.description;
        this.expected = b.expected;
        this.expectedFailure = b.expectedFailure;
        this.benchmark = b.benchmark;
        if (expected == Expectation.VIOLATED && expectedFailure == null) {
            throw new IllegalArgumentException(b.name + ": a broken variant must say which failure it expects:"
                    + " .expectViolation(kind), with kind one of " + armada.check.Failure.KINDS);
        }        this.spec = b.spec;
        this.disks = b.disks;
        this.diskSize = b.diskSize;
        this.directories = List.copyOf(b.directories);
        if (b.boot == null) {
            throw new IllegalArgumentException(b.name + ": no boot: say how the implementation starts on a fresh"
                    + " World with .boot(...)");
        }
        if (b.driver == null) {
            throw new IllegalArgumentException(b.name + ": no driver: say how an operation runs on the"
                    + " implementation with .driver(...)");
        }
        this.boot = b.boot;
        this.recover = b.recover;
        this.driver = b.driver;
        if (b.faults.maxCrashes() > 0 && b.recover == null) {
            throw new IllegalArgumentException(b.name + ": crashes are explored but the scenario has no recovery:"
                    + " give one with .recover(...) (a recovery that only rebuilds the in-memory state is"
                    + " .recover(sameAsBoot), said explicitly)");
        }
        SpecStates.checkValueType(b.name, b.spec);
        this.clients = List.copyOf(b.clients);
        this.after = List.copyOf(b.after);
        this.faults = b.faults;
        this.maxSteps = b.maxSteps;
        this.randomDomain = b.randomDomain;
        this.lazyCrashStates = b.lazyCrashStates;
        this.crashInvariant = b.crashInvariant;
        this.moverClaims = b.moverClaims;
        this.layerChecks = List.copyOf(b.layerChecks);
    }

    /** The pattern checks about the layers (abstraction, partition) the check runs first. */
    public List<armada.layers.LayerCheck> layerChecks() {
        return layerChecks;
    }

    /** The mover claims about the layer below that the check checks first, or null. */
    public armada.layers.@Nullable MoverCheck<?> moverClaims() {
        return moverClaims;
    }

    public static <S, I> Builder<S, I> builder(String name, Spec<S> spec) {
        return new Builder<>(name, spec);
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Expectation expected() {
        return expected;
    }

    /**
     * A size benchmark (the {@code scale-*} families): checked when named, or with
     * {@code armada check --benchmarks}, and by the long test profile, not in the default run.
     */
    public boolean benchmark() {
        return benchmark;
    }

    /** The failure kind a broken variant is expected to show ({@code Failure.kind()}), or null. */
    public @Nullable String expectedFailure() {
        return expectedFailure;
    }

    /**
     * Whether {@code v} is this scenario's expected verdict: HOLDS, or VIOLATED with the expected
     * kind of failure (a broken variant that fails for another reason is not the bug it ships for).
     */
    public boolean asExpected(armada.check.Verdict v) {
        return switch (expected) {
            case HOLDS -> v instanceof armada.check.Verdict.Holds;
            case VIOLATED -> v instanceof armada.check.Verdict.Violated viol
                    && viol.counterexample().failure().kind().equals(expectedFailure);
        };
    }

    public Spec<S> spec() {
        return spec;
    }

    public FaultModel faults() {
        return faults;
    }

    public int randomDomain() {
        return randomDomain;
    }

    /** The same scenario with another fault model (for example a different crash bound). */
    public Scenario<S, I> withFaults(FaultModel newFaults) {
        Builder<S, I> b = toBuilder();
        b.faults = newFaults;
        return b.build();
    }

    /**
     * Whether a crash leaves files' unsynced data undecided until something reads it (the
     * default; REORDERED durability without a crash invariant): the same executions are judged,
     * the crash states no step looks at are never enumerated.
     */
    @Override
    public boolean lazyCrashStates() {
        return lazyCrashStates;
    }

    /** The same scenario with lazy crash states on or off ({@link #lazyCrashStates()}). */
    public Scenario<S, I> withLazyCrashStates(boolean on) {
        Builder<S, I> b = toBuilder();
        b.lazyCrashStates = on;
        return b.build();
    }

    /** The same scenario with another random domain. */
    public Scenario<S, I> withRandomDomain(int values) {
        Builder<S, I> b = toBuilder();
        b.randomDomain = values;
        return b.build();
    }

    /** The same scenario with other client operations (used when shrinking). */
    public Scenario<S, I> withOps(List<List<Op<?>>> newClients, List<Op<?>> newAfter) {
        Builder<S, I> b = toBuilder();
        b.clients = new ArrayList<>(newClients);
        b.after = new ArrayList<>(newAfter);
        return b.build();
    }

    private Builder<S, I> toBuilder() {
        Builder<S, I> b = new Builder<>(name, spec);
        b.description = description;
        b.expected = expected;
        b.expectedFailure = expectedFailure;
        b.benchmark = benchmark;
        b.disks = disks;
        b.diskSize = diskSize;
        b.directories = new ArrayList<>(directories);
        b.boot = boot;
        b.recover = recover;
        b.driver = driver;
        b.clients = new ArrayList<>(clients);
        b.after = new ArrayList<>(after);
        b.faults = faults;
        b.maxSteps = maxSteps;
        b.randomDomain = randomDomain;
        b.lazyCrashStates = lazyCrashStates;
        b.crashInvariant = crashInvariant;
        b.moverClaims = moverClaims;
        b.layerChecks = new ArrayList<>(layerChecks);
        return b;
    }

    @Override
    public int diskCount() {
        return disks;
    }

    @Override
    public int diskSize() {
        return diskSize;
    }

    @Override
    public Object boot(World world) {
        return boot.apply(world);
    }

    @Override
    public Object recover(World world) {
        if (recover == null) {
            throw new IllegalStateException(name + " has no recovery");
        }
        return recover.apply(world);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object apply(Object impl, Op<?> op) {
        return driver.apply((I) impl, op);
    }

    @Override
    public List<List<Op<?>>> clients() {
        return clients;
    }

    @Override
    public List<Op<?>> after() {
        return after;
    }

    @Override
    public int maxCrashes() {
        return faults.maxCrashes();
    }

    @Override
    public int maxDiskFailures() {
        return faults.maxDiskFailures();
    }

    @Override
    public Durability durability() {
        return faults.durability();
    }

    @Override
    public int tornSector() {
        return faults.tornSector();
    }

    @Override
    public int crashStateBudget() {
        return faults.crashStateBudget();
    }

    @Override
    public List<String> directories() {
        return directories;
    }

    @Override
    public int maxSteps() {
        return maxSteps;
    }

    @Override
    public @Nullable CrashInvariant crashInvariant() {
        return crashInvariant;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds a {@link Scenario}. */
    public static final class Builder<S, I> {
        private final String name;
        private final Spec<S> spec;
        private String description = "";
        private Expectation expected = Expectation.HOLDS;
        private @Nullable String expectedFailure;
        private boolean benchmark;
        private int disks;
        private int diskSize;
        private List<String> directories = new ArrayList<>();
        private @Nullable Function<World, I> boot;
        private @Nullable Function<World, I> recover;
        private @Nullable BiFunction<I, Op<?>, Object> driver;
        private List<List<Op<?>>> clients = new ArrayList<>();
        private List<Op<?>> after = new ArrayList<>();
        private FaultModel faults = FaultModel.NONE;
        private int maxSteps = 10_000;
        private int randomDomain = 2;
        private boolean lazyCrashStates = true;
        private @Nullable CrashInvariant crashInvariant;
        private armada.layers.@Nullable MoverCheck<?> moverClaims;
        private List<armada.layers.LayerCheck> layerChecks = new ArrayList<>();

        private Builder(String name, Spec<S> spec) {
            if (!name.matches("[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*")) {
                throw new IllegalArgumentException("scenario names are example/scenario in lower case letters, digits"
                        + " and dashes (like replicated-disk/two-writers), not '" + name + "'");
            }
            this.name = name;
            this.spec = spec;
        }

        public Builder<S, I> description(String text) {
            this.description = text;
            return this;
        }

        /** The expected verdict; for VIOLATED use {@link #expectViolation}, which also says how it fails. */
        public Builder<S, I> expect(Expectation verdict) {
            this.expected = verdict;
            if (verdict == Expectation.HOLDS) {
                this.expectedFailure = null;
            }
            return this;
        }

        /** Marks a size benchmark: left out of the default run (see {@link Scenario#benchmark()}). */
        public Builder<S, I> benchmark() {
            this.benchmark = true;
            return this;
        }

        /** HOLDS when {@code kind} is null, else {@link #expectViolation expectViolation(kind)}. */
        public Builder<S, I> expectFailure(@Nullable String kind) {
            return kind == null ? expect(Expectation.HOLDS) : expectViolation(kind);
        }

        /** A broken variant: expected VIOLATED with a failure of {@code kind} (see {@code Failure.KINDS}). */
        public Builder<S, I> expectViolation(String kind) {
            if (!armada.check.Failure.KINDS.contains(kind)) {
                throw new IllegalArgumentException(name + ": unknown failure kind '" + kind + "'; the kinds are "
                        + armada.check.Failure.KINDS);
            }
            this.expected = Expectation.VIOLATED;
            this.expectedFailure = kind;
            return this;
        }

        /** {@code count} disks of {@code size} blocks each, all zero at the start. */
        public Builder<S, I> disks(int count, int size) {
            if (count < 0 || size < 0) {
                throw new IllegalArgumentException("disk count and size must not be negative");
            }
            this.disks = count;
            this.diskSize = size;
            return this;
        }

        /** The file system's directories, fixed for the whole scenario (Goose's fixed structure). */
        public Builder<S, I> directories(String... names) {
            List<String> dirs = new ArrayList<>();
            for (String n : names) {
                armada.world.Names.checkDirectoryPath(n);
                if (dirs.contains(n)) {
                    throw new IllegalArgumentException("directory " + n + " is declared twice");
                }
                dirs.add(n);
            }
            this.directories = dirs;
            return this;
        }

        public Builder<S, I> boot(Function<World, I> bootFn) {
            this.boot = bootFn;
            return this;
        }

        public Builder<S, I> recover(Function<World, I> recoverFn) {
            this.recover = recoverFn;
            return this;
        }

        public Builder<S, I> driver(BiFunction<I, Op<?>, Object> driverFn) {
            this.driver = driverFn;
            return this;
        }

        /** Adds a client thread that runs {@code ops} in order. */
        public Builder<S, I> thread(Op<?>... ops) {
            this.clients.add(List.of(ops));
            return this;
        }

        /** The operations run after the clients, and after every recovery. */
        public Builder<S, I> after(Op<?>... ops) {
            this.after = new ArrayList<>(List.of(ops));
            return this;
        }

        public Builder<S, I> faults(FaultModel model) {
            this.faults = model;
            return this;
        }

        public Builder<S, I> maxSteps(int steps) {
            this.maxSteps = steps;
            return this;
        }

        public Builder<S, I> randomDomain(int values) {
            this.randomDomain = values;
            return this;
        }

        /** A crash invariant, checked wherever a crash could happen; {@code name} says what it claims. */
        public Builder<S, I> crashInvariant(String name, Predicate<DurableState> invariant) {
            this.crashInvariant = new CrashInvariant(name, invariant);
            return this;
        }

        /**
         * Mover claims about the layer below (CSPEC section 6.1), checked before the search: a
         * false claim is the scenario's violation, with kind {@code false-mover}.
         */
        public Builder<S, I> moverClaims(armada.layers.MoverCheck<?> claims) {
            this.moverClaims = claims;
            return this;
        }

        /**
         * A pattern check about the layers ({@code armada.layers.Abstraction}, {@code Partition}),
         * run before the search, after the mover claims: a broken one is the scenario's violation
         * with its kind; what was checked is added to the verdict's bounds.
         */
        public Builder<S, I> layerCheck(armada.layers.LayerCheck check) {
            this.layerChecks.add(check);
            return this;
        }

        public Scenario<S, I> build() {
            return new Scenario<>(this);
        }
    }
}
