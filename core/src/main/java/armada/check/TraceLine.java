package armada.check;

/** One line of a rendered execution: which thread (or the machine) did what. */
public record TraceLine(String thread, String text) {
}
