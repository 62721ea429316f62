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
     * The calling thread's process id (CSPEC's {@code GetPID}), for operations that name their
     * caller, such as a store buffer's or a lock owner's: the main thread (recovery and the
     * operations after the clients) is 0, client {@code i} is {@code i + 1}, spawned threads
     * follow. Not a step: who is calling is nobody else's business.
     */
    int pid();
}
