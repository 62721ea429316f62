package armada.sim;

/**
 * One crash-state choice for a sequence of {@code n} unsynced writes that may tear: how many
 * survive whole ({@link #whole}), and how many sectors of the next one survive ({@link #sectors},
 * 0 for none). Choice 0 keeps every write; choices 1..n keep fewer whole writes; the rest tear.
 */
record Torn(int whole, int sectors) {

    /**
     * @param choice in {@code [0, n + 1 + n * tears)}
     * @param tears how many torn versions one write has (sectors per write minus one)
     */
    static Torn decode(int choice, int n, int tears) {
        if (choice <= n) {
            return new Torn(n - choice, 0);
        }
        int torn = choice - n - 1;
        return new Torn(torn / tears, 1 + torn % tears);
    }
}
