package armada.examples;

/** Known-bad fixture for {@link CheckedCodeRulesTest}: does everything checked code must not. */
final class BadCheckedCode {

    static int counter;

    synchronized long stamp() {
        counter++;
        new Thread(() -> { }).start();
        return System.nanoTime();
    }
}
