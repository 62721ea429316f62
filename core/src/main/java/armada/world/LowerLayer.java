package armada.world;

import armada.spec.Op;

/**
 * The layer below, as the code of the layer above sees it (CSPEC section 5.1): an implementation
 * of layer N calls the operations of layer N-1 and nothing else of it. Under the checker each call
 * is one atomic step of layer N-1's spec, run by the simulated machine; in production it is the
 * implementation of layer N-1 (or the real device at the bottom).
 *
 * @param <S> the lower layer's state (the code above never sees it)
 */
public interface LowerLayer<S> {

    /** Runs {@code op} of the layer below, atomically, and returns its result. */
    <R> R call(Op<R> op);

    /**
     * A retry loop (CSPEC section 6.4): calls {@code op} until its result {@code succeeded}, and
     * returns that result. Here, in production, it is that loop. Under the checker it is one
     * call that takes only the outcomes that succeed (disabled, so the thread waits, while none
     * can), which is sound because the checker first checks, in every state the call is tried
     * in, that no failing outcome changes the layer's state (else a {@code retry-changes-state}
     * failure): the failed attempts are then invisible to every other thread and can be left out.
     * The loop's body is the one call; code that must change something between attempts is a
     * plain loop around {@link #call}.
     */
    default <R> R callUntil(Op<R> op, java.util.function.Predicate<? super R> succeeded) {
        while (true) {
            R r = call(op);
            if (succeeded.test(r)) {
                return r;
            }
        }
    }

    /**
     * The calling thread's process id (CSPEC's {@code GetPID}), for operations that name their
     * caller, such as a store buffer's or a lock owner's: the main thread (recovery and the
     * operations after the clients) is 0, client {@code i} is {@code i + 1}, spawned threads
     * follow. Not a step: who is calling is nobody else's business.
     */
    int pid();
}
