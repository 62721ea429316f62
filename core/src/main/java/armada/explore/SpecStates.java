package armada.explore;

import armada.spec.Spec;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import org.jspecify.annotations.Nullable;

/**
 * Checks, when a scenario is built, that its spec's states are values: the checker de-duplicates
 * states with {@code equals} and {@code hashCode}, so a state type that compares by identity (or
 * a record holding an array, which does) would make every state look new and the search
 * meaningless.
 */
final class SpecStates {

    private SpecStates() {
    }

    static void checkValueType(String scenario, Spec<?> spec) {
        Object initial = spec.initial();
        String problem = problem(initial.getClass());
        if (problem != null) {
            throw new IllegalArgumentException(scenario + ": the spec's state type " + initial.getClass().getName()
                    + " " + problem + "; use a record (without array components), an enum, or a class that"
                    + " overrides equals and hashCode");
        }
    }

    /** Why {@code type} does not have value equality, or null if it does. */
    static @Nullable String problem(Class<?> type) {
        if (type.isArray()) {
            return "is an array, which compares by identity";
        }
        if (type.isEnum() || type.isPrimitive()) {
            return null;
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getType().isArray()) {
                    return "has the array component " + c.getName() + ", which the record's equals compares by identity";
                }
            }
            return null;
        }
        if (!overrides(type, "equals", Object.class) || !overrides(type, "hashCode")) {
            return "does not override equals and hashCode, so it compares by identity";
        }
        return null;
    }

    private static boolean overrides(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method m = type.getMethod(name, parameters);
            return m.getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
