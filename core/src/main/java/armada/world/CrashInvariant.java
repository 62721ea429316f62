package armada.world;

import java.util.function.Predicate;

/**
 * A predicate over the durable state that must hold wherever a crash could happen (the paper's
 * crash invariant). Checked at every scheduling point, it localises a bug at the step that
 * breaks it, before recovery ever runs.
 */
public record CrashInvariant(String name, Predicate<DurableState> holds) {
}
