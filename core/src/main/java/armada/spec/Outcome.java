package armada.spec;

/** One possible result of a spec step: the value returned and the state after the step. */
public record Outcome<R, S>(R result, S next) {
}
