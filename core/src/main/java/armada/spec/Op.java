package armada.spec;

/**
 * One operation of a specification, with its result type {@code R}.
 *
 * <p>Declare the operations of a spec as records of a sealed interface that extends this one,
 * one record per operation, so that a {@code switch} over them plays the role of the paper's
 * {@code match}: {@code record Read(int addr) implements DiskOp<Block> {}}.
 */
public interface Op<R> {
}
