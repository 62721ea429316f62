package armada.history;

import armada.spec.Spec;
import java.util.Objects;

/**
 * A spec and the sealed interface of its operation records, which a history file needs to name
 * operations and decode their results.
 */
public record HistoryModel<S>(String name, Spec<S> spec, Class<?> operations) {

    public HistoryModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(operations, "operations");
    }
}
