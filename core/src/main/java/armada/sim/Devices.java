package armada.sim;

import armada.world.Durability;
import armada.world.CrashInvariant;
import armada.world.DurableState;

import armada.world.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The durable devices of a machine (its disks and its file system) under one durability model:
 * reset for each execution, flushed after boot, and, at a crash, the distinct states they may
 * be left in together.
 */
final class Devices implements DurableState {

    private final Machine machine;
    private final FsHost host;
    private SimDisk[] disks = new SimDisk[0];
    private SimFileSystem fs = new SimFileSystem(FsHost.STANDALONE, List.of(), Durability.IMMEDIATE);
    private Durability durability = Durability.IMMEDIATE;
    /** Sector size for torn writes; 0: writes never tear. */
    private int sector;
    /** Files' unsynced data left undecided at a crash until something reads it (REORDERED, no crash invariant). */
    private boolean lazy;

    Devices(Machine machine, FsHost host) {
        this.machine = machine;
        this.host = host;
    }

    /** Fresh devices for an execution of {@code w}: all zero, empty directories. */
    void prepare(Workload w) {
        if (disks.length != w.diskCount() || (disks.length > 0 && disks[0].size() != w.diskSize())) {
            disks = new SimDisk[w.diskCount()];
            for (int i = 0; i < disks.length; i++) {
                disks[i] = new SimDisk(machine, i, w.diskSize());
            }
        }
        for (SimDisk d : disks) {
            d.reset();
        }
        if (!fs.directories().equals(w.directories()) || durability != w.durability()) {
            fs = new SimFileSystem(host, w.directories(), w.durability());
        }
        durability = w.durability();
        sector = w.tornSector();
        lazy = w.lazyCrashStates() && w.crashInvariant() == null && durability == Durability.REORDERED;
        fs.reset();
    }

    Durability durability() {
        return durability;
    }

    SimFileSystem fileSystem() {
        return fs;
    }

    /**
     * The devices' state as a value, right after a crash (when what is seen is what is durable):
     * each disk's blocks and whether it failed, and the file system's directories and files.
     */
    Object fingerprint() {
        List<Object> out = new ArrayList<>();
        for (SimDisk d : disks) {
            out.add(java.util.Arrays.asList(d.durable.clone()));
            out.add(d.failed);
        }
        out.add(fs.now());
        return out;
    }

    /** Makes everything durable: the state boot leaves is the starting point. */
    void flushAll() {
        for (SimDisk d : disks) {
            d.flush();
        }
        fs.flushAll();
    }

    /** What a crash now may leave: every combination of each device's distinct states. */
    final class CrashOptions {
        private final List<CrashStates<List<Block>>> diskStates = new ArrayList<>();
        private final CrashStates<FsSnapshot> fsStates;
        private final int count;
        private final boolean cut;

        private CrashOptions(int budget) {
            long product = 1;
            boolean wasCut = false;
            for (SimDisk d : disks) {
                CrashStates<List<Block>> c = d.crashStates(durability, budget, sector);
                diskStates.add(c);
                product = Math.min(Long.MAX_VALUE / 1024, product * c.states.size());
                wasCut |= c.cut;
            }
            fsStates = fs.crashStates(budget, sector, lazy);
            product = Math.min(Long.MAX_VALUE / 1024, product * fsStates.states.size());
            this.cut = wasCut || fsStates.cut || product > budget;
            this.count = (int) Math.min(product, budget);
        }

        /** How many states are offered (at most the budget); option 0 keeps everything. */
        int count() {
            return count;
        }

        /** Whether more states existed than were offered. */
        boolean cut() {
            return cut;
        }

        /** State {@code pick}, read-only, without changing the devices. */
        DurableState view(int pick) {
            List<List<Block>> blocks = new ArrayList<>();
            int rest = pick;
            for (int i = 0; i < disks.length; i++) {
                List<List<Block>> states = diskStates.get(i).states;
                blocks.add(states.get(rest % states.size()));
                rest /= states.size();
            }
            FsSnapshot files = fsStates.states.get(rest % fsStates.states.size());
            return new DurableState() {
                @Override
                public int diskCount() {
                    return disks.length;
                }

                @Override
                public boolean failed(int disk) {
                    return disk(disk).failed;
                }

                @Override
                public Block block(int disk, int addr) {
                    disk(disk).checkAddress(addr);
                    return blocks.get(disk).get(addr);
                }

                @Override
                public Optional<byte[]> file(String dir, String name) {
                    return Optional.ofNullable(fs.contents(files, dir, name));
                }
            };
        }

        /** What state {@code pick} kept and lost of the changes not yet durable, in words. */
        String describe(int pick) {
            List<String> phrases = new ArrayList<>();
            int rest = pick;
            for (int i = 0; i < disks.length; i++) {
                List<List<Block>> states = diskStates.get(i).states;
                phrases.addAll(CrashStateText.disk(disks[i], states.get(rest % states.size())));
                rest /= states.size();
            }
            List<FsSnapshot> files = fsStates.states;
            phrases.addAll(fs.describe(files.getFirst(), files.get(rest % files.size())));
            return phrases.isEmpty() ? "nothing was pending" : String.join(", ", phrases);
        }

        /**
         * What {@link Devices#fingerprint()} gives once state {@code pick} is applied, without
         * applying it: the chosen snapshots are the values the devices would be put in.
         */
        Object fingerprint(int pick) {
            List<Object> out = new ArrayList<>();
            int rest = pick;
            for (int i = 0; i < disks.length; i++) {
                List<List<Block>> states = diskStates.get(i).states;
                out.add(states.get(rest % states.size()));
                out.add(disks[i].failed);
                rest /= states.size();
            }
            out.add(fsStates.states.get(rest % fsStates.states.size()));
            return out;
        }

        /** Puts every device in state {@code pick} (a mixed-radix index over the devices). */
        void apply(int pick) {
            int rest = pick;
            for (int i = 0; i < disks.length; i++) {
                List<List<Block>> states = diskStates.get(i).states;
                disks[i].restore(states.get(rest % states.size()));
                rest /= states.size();
            }
            fs.restore(fsStates.states.get(rest % fsStates.states.size()));
        }
    }

    CrashOptions crashOptions(int budget) {
        return new CrashOptions(budget);
    }

    /**
     * Checks {@code invariant} in every durable state a crash now could leave (up to the
     * crash-state budget); returns the failure for the first state that breaks it, or null.
     */
    armada.check.@org.jspecify.annotations.Nullable Failure checkInvariant(CrashInvariant invariant, int budget) {
        CrashOptions options = crashOptions(budget);
        for (int pick = 0; pick < options.count(); pick++) {
            if (!invariant.holds().test(options.view(pick))) {
                String which = options.count() == 1 ? "" : pick == 0 ? "every unsynced write in place"
                        : "crash state s" + pick + " of " + options.count();
                return new armada.check.Failure.CrashInvariantBroken(invariant.name(), which);
            }
        }
        return null;
    }

    @Override
    public int diskCount() {
        return disks.length;
    }

    SimDisk disk(int index) {
        if (index < 0 || index >= disks.length) {
            throw new IndexOutOfBoundsException("this World has " + disks.length + " disks; no disk " + index);
        }
        return disks[index];
    }

    SimDisk[] disks() {
        return disks;
    }

    @Override
    public boolean failed(int disk) {
        return disk(disk).failed;
    }

    @Override
    public Block block(int disk, int addr) {
        return disk(disk).durable[addr];
    }

    @Override
    public Optional<byte[]> file(String dir, String name) {
        return Optional.ofNullable(fs.contents(dir, name));
    }
}
