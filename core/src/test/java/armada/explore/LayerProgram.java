package armada.explore;

import armada.explore.LockPairSpec.Acquire;
import armada.explore.LockPairSpec.Bump;
import armada.explore.LockPairSpec.Flip;
import armada.explore.LockPairSpec.Read;
import armada.explore.LockPairSpec.Release;
import armada.explore.LockPairSpec.Take;
import armada.explore.LockPairSpec.Write;
import armada.layers.Layers;
import armada.spec.Op;
import armada.world.Block;
import armada.world.LowerLayer;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small random programs over the {@link LockPairSpec} layer run as the World, for comparing the
 * search that glues calls by checked movers with the plain one: client operations are sequences
 * of layer calls (mostly lock, reads and writes, release; sometimes anything, which may be
 * undefined or wait for good), now and then with a disk write or a random value between two
 * calls, which must end a glued stretch. Recovery reads the whole layer (under its lock) and the
 * disk, and the operation after the clients returns what it read and what is there now.
 */
record LayerProgram(boolean disk, List<List<Op<?>>> clients, FaultModel faults) {

    /** The layer below: one spec object, so that the claims and the device are about the same layer. */
    static final LockPairSpec SPEC = new LockPairSpec();

    /** A step of an operation. */
    sealed interface Step {
    }

    /** A layer call by kind: 0 acquire, 1 release, 2 read, 3 write, 4 flip, 5 bump, 6 take. */
    record Call(int kind, int word, int value) implements Step {
    }

    record DiskWrite(int addr, int value) implements Step {
    }

    record RandomStep() implements Step {
    }

    /** A client operation. */
    record Run(List<Step> steps) implements Op<String> {
    }

    /** The operation after the clients. */
    record Dump() implements Op<String> {
    }

    /** The implementation: runs steps on the layer and the World. */
    static final class Impl {
        final World world;
        final LowerLayer<LockPairSpec.State> layer;
        final boolean disk;
        String recovered = "-";

        Impl(World world, boolean disk) {
            this.world = world;
            this.layer = Layers.open(world, SPEC);
            this.disk = disk;
        }

        String run(List<Step> steps) {
            StringBuilder out = new StringBuilder();
            int p = layer.pid();
            for (Step s : steps) {
                switch (s) {
                    case Call c -> out.append(call(c, p));
                    case DiskWrite w -> world.disk(0).write(w.addr(), Block.filled(w.value()));
                    case RandomStep r -> out.append('r').append(world.random(2));
                }
                out.append(';');
            }
            return out.toString();
        }

        private Object call(Call c, int p) {
            Op<?> op = switch (c.kind()) {
                case 0 -> new Acquire(p);
                case 1 -> new Release(p);
                case 2 -> new Read(p, c.word());
                case 3 -> new Write(p, c.word(), c.value());
                case 4 -> new Flip(p);
                case 5 -> new Bump(p);
                default -> new Take(p);
            };
            return layer.call(op);
        }

        String dump() {
            // Under the lock, with calls of the claims' domain: the clients have ended (or a crash
            // ended them), so the lock is free unless a client kept it.
            int p = layer.pid();
            layer.call(new Acquire(p));
            StringBuilder b = new StringBuilder().append(layer.call(new Read(p, 0))).append(',')
                    .append(layer.call(new Read(p, 1))).append(',').append(layer.call(new Bump(p)));
            layer.call(new Release(p));
            if (disk) {
                for (int a = 0; a < 2; a++) {
                    b.append(' ').append(world.disk(0).read(a).map(Block::toString).orElse("failed"));
                }
            }
            return b.toString();
        }
    }

    static LayerProgram generate(Random r) {
        boolean disk = r.nextInt(3) == 0;
        List<List<Op<?>>> clients = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            List<Op<?>> ops = new ArrayList<>();
            int n = 1 + (r.nextInt(4) == 0 ? 1 : 0);
            for (int i = 0; i < n; i++) {
                ops.add(new Run(steps(r, disk)));
            }
            clients.add(List.copyOf(ops));
        }
        armada.world.Durability[] models = armada.world.Durability.values();
        int crashes = r.nextInt(3) == 0 ? 0 : 1;
        FaultModel faults = new FaultModel(crashes, 0, models[r.nextInt(models.length)], 64, 0);
        return new LayerProgram(disk, List.copyOf(clients), faults);
    }

    /**
     * The steps of one operation. No call is repeated within one: a call that repeats one the
     * thread made with no change of the layer between is a spinner's, which waits for a change.
     */
    private static List<Step> steps(Random r, boolean disk) {
        List<Step> steps = new ArrayList<>();
        if (r.nextInt(3) > 0) {
            // The locked pattern: acquire, one or two different accesses, release.
            List<Call> accesses = new ArrayList<>(List.of(new Call(2, 0, 0), new Call(2, 1, 0),
                    new Call(3, 0, 1 + r.nextInt(2)), new Call(3, 1, 1 + r.nextInt(2)), new Call(4, 0, 0)));
            java.util.Collections.shuffle(accesses, r);
            steps.add(new Call(0, 0, 0));
            steps.addAll(accesses.subList(0, 1 + r.nextInt(2)));
            steps.add(new Call(1, 0, 0));
        } else {
            // Calls outside the lock: a flip, a bump, a take (which waits for a bump), now and then
            // anything (which may break the lock's protocol: undefined behaviour, or a wait for good).
            List<Call> calls = new ArrayList<>(List.of(new Call(4, 0, 0), new Call(5, 0, 0)));
            if (r.nextInt(3) == 0) {
                calls.add(r.nextBoolean() ? new Call(6, 0, 0) : new Call(r.nextInt(4), r.nextInt(2), 1 + r.nextInt(2)));
            }
            java.util.Collections.shuffle(calls, r);
            steps.addAll(calls.subList(0, 1 + r.nextInt(Math.min(3, calls.size()))));
        }
        if (r.nextInt(4) == 0) {
            Step between = disk ? new DiskWrite(r.nextInt(2), 1 + r.nextInt(2)) : new RandomStep();
            steps.add(1 + r.nextInt(steps.size()), between);
        }
        return List.copyOf(steps);
    }

    Scenario<Integer, Impl> scenario(String name) {
        return scenario(name, LockPairSpec.claims(SPEC));
    }

    /** The scenario, with {@code claims} about the layer. */
    Scenario<Integer, Impl> scenario(String name, armada.layers.MoverCheck<LockPairSpec.State> claims) {
        Scenario.Builder<Integer, Impl> b = Scenario.<Integer, Impl>builder("test/" + name, new GeneratedProgram.AnySpec())
                .boot(w -> new Impl(w, disk))
                .recover(w -> {
                    Impl impl = new Impl(w, disk);
                    impl.recovered = impl.dump();
                    return impl;
                })
                .driver((impl, op) -> op instanceof Run run ? impl.run(run.steps())
                        : "recovered: " + impl.recovered + " now: " + impl.dump())
                .after(new Dump())
                .faults(faults)
                .maxSteps(400)
                .moverClaims(claims);
        if (disk) {
            b.disks(1, 2);
        }
        for (List<Op<?>> ops : clients) {
            b.thread(ops.toArray(Op<?>[]::new));
        }
        return b.build();
    }
}
