package armada.explore;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How one exhaustive search is divided among workers and shards. The first {@link #depth()}
 * choice points with two or more options on every path form the <em>top</em> of the search
 * tree: each of them tries every option (no reduction decides there, so the top is the same
 * whatever is found below it), and each path through the top leads to a <em>subtree</em>,
 * numbered in depth-first order. Every worker walks the whole top in that order and searches
 * below it only the subtrees it claims; a subtree is claimed by exactly one worker of the
 * shards that own it ({@code number mod shards == shard - 1}). The tree, the numbering and so the
 * verdict, and the failure shown (the first one of the lowest-numbered subtree that fails) do
 * not depend on how many workers or shards there are.
 *
 * <p>Claiming relies on every worker meeting the subtrees in the same order: the first claim of
 * any number at or above {@code t} is {@code t} itself (whoever reached a higher number passed
 * {@code t} first and would have claimed it), so no subtree is skipped by everyone.
 */
final class TreeSplit {

    /** Branching points at the top of the tree when nothing else is asked for. */
    static final int DEFAULT_DEPTH = 16;

    private final int depth;
    private final int shard;
    private final int shards;
    /** The highest subtree number claimed so far (-1: none). */
    private final AtomicInteger highest = new AtomicInteger(-1);
    /** The lowest subtree number in which a failure was found. */
    private final AtomicInteger firstFailing = new AtomicInteger(Integer.MAX_VALUE);
    /** Subtrees met in all (the top's paths), once a worker has walked the whole top. */
    private final AtomicInteger total = new AtomicInteger(-1);
    /** Subtrees met so far by any worker. */
    private final AtomicInteger met = new AtomicInteger();
    /** Subtrees whose search is over. */
    private final AtomicInteger searched = new AtomicInteger();

    /**
     * @param depth branching points in the top (0: the whole tree is one subtree)
     * @param shard this process's part, 1..shards
     * @param shards the parts the search is divided into across processes
     */
    TreeSplit(int depth, int shard, int shards) {
        if (depth < 0 || shards < 1 || shard < 1 || shard > shards) {
            throw new IllegalArgumentException("split depth " + depth + ", shard " + shard + "/" + shards);
        }
        this.depth = depth;
        this.shard = shard;
        this.shards = shards;
    }

    int depth() {
        return depth;
    }

    int shard() {
        return shard;
    }

    int shards() {
        return shards;
    }

    /** Whether the worker that just reached subtree {@code t} searches it (it is this shard's and no one took it). */
    boolean claim(int t) {
        met.accumulateAndGet(t + 1, Math::max);
        if (t % shards != shard - 1 || t > firstFailing.get()) {
            return false;
        }
        while (true) {
            int h = highest.get();
            if (h >= t) {
                return false;
            }
            if (highest.compareAndSet(h, t)) {
                return true;
            }
        }
    }

    /** A failure was found in subtree {@code t}. */
    void failed(int t) {
        firstFailing.accumulateAndGet(t, Math::min);
    }

    /** Whether subtree {@code t} no longer matters: a lower-numbered one has failed. */
    boolean over(int t) {
        return t > firstFailing.get();
    }

    /** A worker walked the whole top and met {@code n} subtrees. */
    void walked(int n) {
        total.set(n);
    }

    /** A worker finished searching one of its subtrees. */
    void searchedOne() {
        searched.incrementAndGet();
    }

    /** Subtrees searched to the end so far. */
    int searched() {
        return searched.get();
    }

    /** Subtrees met so far by the workers walking the top (all of them once {@link #total()} is known). */
    int met() {
        return met.get();
    }

    /** Subtrees in the top, or -1 if no worker walked all of it (the search stopped early). */
    int total() {
        return total.get();
    }
}
