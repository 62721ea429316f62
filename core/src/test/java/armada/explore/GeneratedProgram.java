package armada.explore;

import armada.spec.Op;
import armada.spec.Outcomes;
import armada.spec.Spec;
import armada.world.Block;
import armada.world.Cell;
import armada.world.Disk;
import armada.world.Fd;
import armada.world.FileSystem;
import armada.world.Lock;
import armada.world.MissingFileException;
import armada.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Small random programs over the whole World, for comparing the reduced search with the plain
 * one: client threads whose operations are short sequences of disk, file-system, lock, cell and
 * random steps, under a random fault model. Each operation returns what it read; recovery first
 * reads the whole durable state (so every crash state a search reaches is visible in what it
 * observes), and so does the operation run after the clients.
 */
final class GeneratedProgram {

    /** One step of an operation. */
    sealed interface Step {
    }

    record DiskWrite(int disk, int addr, int value) implements Step {
    }

    record DiskRead(int disk, int addr) implements Step {
    }

    record Barrier(int disk) implements Step {
    }

    /** Creates {@code dir/name} and appends {@code bytes} bytes to it, fsyncing the file or not. */
    record WriteFile(int dir, String name, int bytes, boolean fsync) implements Step {
    }

    record ReadFile(int dir, String name) implements Step {
    }

    record FsyncDir(int dir) implements Step {
    }

    record Unlink(int dir, String name) implements Step {
    }

    record Rename(int fromDir, String from, int toDir, String to) implements Step {
    }

    record Link(int fromDir, String from, int toDir, String to) implements Step {
    }

    record ListDir(int dir) implements Step {
    }

    /** Reopens {@code dir/name} for writing and writes two bytes at {@code offset}, fsyncing or not. */
    record Overwrite(int dir, String name, int offset, boolean fsync) implements Step {
    }

    record Truncate(int dir, String name, int length) implements Step {
    }

    /** Creates the run-time directory {@code d0/s}. */
    record Mkdir() implements Step {
    }

    /** Removes {@code d0/s}. */
    record Rmdir() implements Step {
    }

    /** Under the shared lock: reads the shared cell and writes it plus {@code add}. */
    record LockedIncrement(int add) implements Step {
    }

    record RandomStep() implements Step {
    }

    /** A client operation: its steps in order; returns what they read. */
    record Run(List<Step> steps) implements Op<String> {
        @Override
        public String toString() {
            return "Run" + steps;
        }
    }

    /** Reads every block and every file: the whole durable state as the program sees it. */
    record Dump() implements Op<String> {
    }

    /** The directories steps name: the two declared ones and {@code d0/s}, created and removed at run time. */
    static final List<String> DIRS = List.of("d0", "d1", "d0/s");
    static final List<String> DECLARED = List.of("d0", "d1");
    static final List<String> NAMES = List.of("a", "b");

    /** Accepts every history: the test compares what executions observe, not verdicts. */
    static final class AnySpec implements Spec<Integer> {
        @Override
        public String name() {
            return "anything";
        }

        @Override
        public Integer initial() {
            return 0;
        }

        @Override
        public <R> Outcomes<R, Integer> step(Integer state, Op<R> op) {
            return Outcomes.undefined();
        }

        @Override
        public Set<Integer> crash(Integer state) {
            return Set.of(state);
        }
    }

    /** The implementation: runs steps on the World. */
    static final class Impl {
        final World world;
        final Lock lock;
        final Cell<Integer> cell;
        final int disks;
        final boolean files;
        /** What recovery found, for the next Dump to report; null after boot. */
        String recovered;

        Impl(World world, int disks, boolean files) {
            this.world = world;
            this.lock = world.newLock();
            this.cell = world.newCell(0);
            this.disks = disks;
            this.files = files;
        }

        String run(List<Step> steps) {
            StringBuilder out = new StringBuilder();
            for (Step step : steps) {
                try {
                    run(step, out);
                } catch (MissingFileException e) {
                    out.append("missing;");
                } catch (IllegalStateException e) {
                    out.append("not-empty;");
                }
            }
            return out.toString();
        }

        private void run(Step step, StringBuilder out) {
            FileSystem fs = world.fileSystem();
            switch (step) {
                case DiskWrite w -> world.disk(w.disk()).write(w.addr(), Block.filled(w.value()));
                case DiskRead r -> out.append(world.disk(r.disk()).read(r.addr()).map(Block::toString)
                        .orElse("failed")).append(';');
                case Barrier b -> world.disk(b.disk()).barrier();
                case WriteFile f -> {
                    Optional<Fd> fd = fs.create(DIRS.get(f.dir()), f.name());
                    if (fd.isEmpty()) {
                        out.append("exists;");
                    } else {
                        byte[] data = new byte[f.bytes()];
                        for (int i = 0; i < data.length; i++) {
                            data[i] = (byte) ('a' + i);
                        }
                        fs.append(fd.get(), data);
                        if (f.fsync()) {
                            fs.fsync(fd.get());
                        }
                        fs.close(fd.get());
                    }
                }
                case Overwrite o -> {
                    Optional<Fd> fd = fs.openWrite(DIRS.get(o.dir()), o.name());
                    if (fd.isEmpty()) {
                        out.append("none;");
                    } else {
                        fs.write(fd.get(), o.offset(), new byte[] {'X', 'Y'});
                        if (o.fsync()) {
                            fs.fsync(fd.get());
                        }
                        fs.close(fd.get());
                    }
                }
                case Truncate t -> {
                    Optional<Fd> fd = fs.openWrite(DIRS.get(t.dir()), t.name());
                    if (fd.isEmpty()) {
                        out.append("none;");
                    } else {
                        fs.truncate(fd.get(), t.length());
                        fs.close(fd.get());
                    }
                }
                case Mkdir m -> out.append("mkdir ").append(fs.mkdir("d0/s")).append(';');
                case Rmdir m -> {
                    fs.rmdir("d0/s");
                    out.append("rmdir;");
                }
                case ReadFile r -> out.append(readFile(fs, r.dir(), r.name())).append(';');
                case FsyncDir d -> fs.fsyncDir(DIRS.get(d.dir()));
                case Unlink u -> fs.unlink(DIRS.get(u.dir()), u.name());
                case Rename r -> fs.rename(DIRS.get(r.fromDir()), r.from(), DIRS.get(r.toDir()), r.to());
                case Link l -> out.append(fs.link(DIRS.get(l.fromDir()), l.from(), DIRS.get(l.toDir()), l.to()))
                        .append(';');
                case ListDir l -> out.append(fs.list(DIRS.get(l.dir()))).append(';');
                case LockedIncrement i -> {
                    lock.lock();
                    int v = cell.get();
                    cell.set(v + i.add());
                    lock.unlock();
                    out.append(v).append(';');
                }
                case RandomStep r -> out.append('r').append(world.random(2)).append(';');
            }
        }

        String dump() {
            StringBuilder out = new StringBuilder();
            for (int d = 0; d < disks; d++) {
                Disk disk = world.disk(d);
                for (int a = 0; a < disk.size(); a++) {
                    out.append(disk.read(a).map(Block::toString).orElse("failed")).append(' ');
                }
            }
            if (files) {
                FileSystem fs = world.fileSystem();
                for (int d = 0; d < DIRS.size(); d++) {
                    List<String> names;
                    try {
                        names = fs.list(DIRS.get(d));
                    } catch (MissingFileException e) {
                        out.append(DIRS.get(d)).append(" missing ");
                        continue;
                    }
                    for (String name : names) {
                        if (DIRS.contains(DIRS.get(d) + "/" + name)) {
                            out.append(DIRS.get(d)).append('/').append(name).append("/ ");
                            continue;
                        }
                        out.append(DIRS.get(d)).append('/').append(name).append('=')
                                .append(readFile(fs, d, name)).append(' ');
                    }
                }
            }
            return out.toString();
        }

        private static String readFile(FileSystem fs, int dir, String name) {
            Optional<Fd> fd = fs.open(DIRS.get(dir), name);
            if (fd.isEmpty()) {
                return "none";
            }
            byte[] b = fs.read(fd.get(), 0, 64);
            fs.close(fd.get());
            return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
        }
    }

    // ---------------------------------------------------------------- generation

    final int disks;
    final boolean files;
    final List<List<Op<?>>> clients;
    final FaultModel faults;

    GeneratedProgram(int disks, boolean files, List<List<Op<?>>> clients, FaultModel faults) {
        this.disks = disks;
        this.files = files;
        this.clients = clients;
        this.faults = faults;
    }

    /** A random program; {@code random} decides everything. */
    static GeneratedProgram generate(Random random) {
        return generate(random, false);
    }

    /**
     * A random program; with {@code storageCode}, file-system steps only, most of them the calls
     * storage code reopening its files uses (write at an offset, truncate, mkdir, rmdir).
     */
    static GeneratedProgram generate(Random random, boolean storageCode) {
        int disks = storageCode ? 0 : random.nextInt(3);
        boolean files = disks == 0 || random.nextInt(3) == 0;
        int threads = 2;
        List<List<Op<?>>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Op<?>> ops = new ArrayList<>();
            int n = 1 + (random.nextInt(6) == 0 ? 1 : 0);
            for (int o = 0; o < n; o++) {
                List<Step> steps = new ArrayList<>();
                int k = 1 + (random.nextInt(4) == 0 ? 1 : 0);
                for (int i = 0; i < k; i++) {
                    steps.add(storageCode && random.nextInt(3) > 0 ? storageStep(random) : step(random, disks, files));
                }
                ops.add(new Run(List.copyOf(steps)));
            }
            clients.add(List.copyOf(ops));
        }
        armada.world.Durability[] models = armada.world.Durability.values();
        armada.world.Durability d = models[random.nextInt(models.length)];
        int crashes = random.nextInt(5) == 0 ? 0 : random.nextInt(3) == 0 ? 2 : 1;
        int failures = disks > 0 && random.nextInt(3) == 0 ? 1 : 0;
        // Torn writes: short appends tear at 2-byte sectors; a 2-byte sector would give a 4 KiB
        // block 2047 torn versions, so with disks the sector is half a block.
        int sector = random.nextBoolean() ? 0 : disks > 0 ? Block.SIZE / 2 : 2;
        FaultModel faults = new FaultModel(crashes, failures, d, 64, sector);
        return new GeneratedProgram(disks, files, List.copyOf(clients), faults);
    }

    private static Step storageStep(Random r) {
        int dir = r.nextInt(3) == 0 ? 2 : r.nextInt(2);
        String name = NAMES.get(r.nextInt(2));
        return switch (r.nextInt(5)) {
            case 0 -> new Overwrite(dir, name, r.nextInt(4), r.nextBoolean());
            case 1 -> new Truncate(dir, name, r.nextInt(3));
            case 2 -> new Mkdir();
            case 3 -> new Rmdir();
            default -> new WriteFile(dir, name, 1 + r.nextInt(3), r.nextBoolean());
        };
    }

    /** A step: on a disk or the file system most of the time (writes most often), sometimes memory or randomness. */
    private static Step step(Random r, int disks, boolean files) {
        int category = r.nextInt(10);
        if (category == 9) {
            return r.nextBoolean() ? new LockedIncrement(1 + r.nextInt(2)) : new RandomStep();
        }
        boolean onDisk = disks > 0 && (!files || category < 5);
        if (onDisk) {
            int disk = r.nextInt(disks);
            int kind = r.nextInt(10);
            return kind < 6 ? new DiskWrite(disk, r.nextInt(2), 1 + r.nextInt(2))
                    : kind < 8 ? new DiskRead(disk, r.nextInt(2)) : new Barrier(disk);
        }
        int dir = r.nextInt(5) == 0 ? 2 : r.nextInt(2);
        String name = NAMES.get(r.nextInt(2));
        return switch (r.nextInt(17)) {
            case 0, 1, 2, 3 -> new WriteFile(dir, name, 1 + r.nextInt(3), r.nextBoolean());
            case 4 -> new ReadFile(dir, name);
            case 5, 6 -> new FsyncDir(dir);
            case 7 -> new Unlink(dir, name);
            case 8, 9 -> new Rename(dir, name, r.nextInt(3), NAMES.get(r.nextInt(2)));
            case 10 -> new Link(dir, name, r.nextInt(3), NAMES.get(r.nextInt(2)));
            case 11 -> new Overwrite(dir, name, r.nextInt(4), r.nextBoolean());
            case 12 -> new Truncate(dir, name, r.nextInt(3));
            case 13 -> new Mkdir();
            case 14 -> new Rmdir();
            default -> new ListDir(dir);
        };
    }

    /**
     * The scenario. Recovery reads the whole durable state before anything else, and the next
     * Dump returns it: so what each crash left is part of the history, whenever recovery
     * completed and the Dump returned (a state only a killed recovery read was never observed).
     */
    Scenario<Integer, Impl> scenario(String name) {
        Scenario.Builder<Integer, Impl> b = Scenario.<Integer, Impl>builder("test/" + name, new AnySpec())
                .boot(w -> new Impl(w, disks, files))
                .recover(w -> {
                    Impl impl = new Impl(w, disks, files);
                    impl.recovered = impl.dump();
                    return impl;
                })
                .driver((impl, op) -> op instanceof Run run ? impl.run(run.steps())
                        : "recovered: " + impl.recovered + " now: " + impl.dump())
                .after(new Dump())
                .faults(faults)
                .maxSteps(400);
        if (disks > 0) {
            b.disks(disks, 2);
        }
        if (files) {
            b.directories(DECLARED.toArray(String[]::new));
        }
        for (List<Op<?>> ops : clients) {
            b.thread(ops.toArray(Op<?>[]::new));
        }
        return b.build();
    }

    /** Whether some operation has a step of this kind. */
    boolean has(Class<? extends Step> kind) {
        return clients.stream().flatMap(List::stream)
                .anyMatch(op -> op instanceof Run run && run.steps().stream().anyMatch(kind::isInstance));
    }

    @Override
    public String toString() {
        return "disks=" + disks + " files=" + files + " " + faults.describe() + " clients=" + clients;
    }
}
