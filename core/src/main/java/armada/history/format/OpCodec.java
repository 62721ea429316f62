package armada.history.format;

import armada.spec.Op;
import armada.spec.Unit;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Turns a spec's operations and their results into JSON values and back, by reflection over the
 * records of its sealed operation interface: an operation is its record's simple name and its
 * components by name; a result is decoded to the type the operation declares ({@code Op<R>}).
 *
 * <p>Values: numbers, booleans, strings and null as themselves; {@link Unit} as null; enums by
 * name; {@code byte[]} as Base64 text; records as objects of their components; lists and sets as
 * arrays; maps with string keys as objects; {@link Optional} as its value or null.
 */
public final class OpCodec {

    /** A value does not fit the type it must have. */
    public static final class CodecException extends Exception {
        private static final long serialVersionUID = 1L;

        CodecException(String message) {
            super(message);
        }
    }

    private final Map<String, Class<?>> byName = new TreeMap<>();

    private OpCodec(Class<?> ops) {
        collect(ops);
        if (byName.isEmpty()) {
            throw new IllegalArgumentException(ops.getName() + " permits no operation records");
        }
    }

    /**
     * The codec for the operations of the sealed interface {@code ops}: every record that it (or a
     * sealed interface it permits) permits.
     *
     * @throws IllegalArgumentException when {@code ops} is not a sealed interface of records, or
     *     two of them share a simple name
     */
    public static OpCodec of(Class<?> ops) {
        return new OpCodec(ops);
    }

    private void collect(Class<?> c) {
        if (c.isRecord() && Op.class.isAssignableFrom(c)) {
            Class<?> before = byName.put(c.getSimpleName(), c);
            if (before != null && before != c) {
                throw new IllegalArgumentException("two operations are named " + c.getSimpleName() + ": "
                        + before.getName() + " and " + c.getName());
            }
            return;
        }
        Class<?>[] permitted = c.getPermittedSubclasses();
        if (!c.isInterface() || permitted == null) {
            throw new IllegalArgumentException(c.getName() + " is neither a sealed interface nor an operation record");
        }
        for (Class<?> p : permitted) {
            collect(p);
        }
    }

    /** The operation names, sorted. */
    public Set<String> names() {
        return byName.keySet();
    }

    /** The operation named {@code name} with components {@code args} (a JSON object, or null for none). */
    public Op<?> decodeOp(String name, @Nullable Object args) throws CodecException {
        Class<?> c = byName.get(name);
        if (c == null) {
            throw new CodecException("unknown operation \"" + name + "\" (known: " + String.join(", ", byName.keySet()) + ")");
        }
        return (Op<?>) decodeRecord(c, args == null ? Map.of() : args, name);
    }

    /** The result of {@code op}, decoded to the type it declares. */
    public @Nullable Object decodeResult(Op<?> op, @Nullable Object json) throws CodecException {
        return decode(resultType(op.getClass()), json, "the result of " + op.getClass().getSimpleName());
    }

    /** The name of {@code op}'s record. */
    public static String name(Op<?> op) {
        return op.getClass().getSimpleName();
    }

    /** {@code op}'s components as a JSON object. */
    public static Map<String, @Nullable Object> encodeArgs(Op<?> op) throws CodecException {
        if (!(encode(op) instanceof Map<?, ?> args)) {
            throw new CodecException(op + " is not a record");
        }
        @SuppressWarnings("unchecked")
        Map<String, @Nullable Object> typed = (Map<String, @Nullable Object>) args;
        return typed;
    }

    /** A value (a result or a component) as JSON. */
    public static @Nullable Object encode(@Nullable Object value) throws CodecException {
        return switch (value) {
            case null -> null;
            case Unit _ -> null;
            case Integer i -> i.longValue();
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Float f -> f.doubleValue();
            case Long l -> l;
            case Double d -> d;
            case Boolean b -> b;
            case String s -> s;
            case Enum<?> e -> e.name();
            case byte[] bytes -> Base64.getEncoder().encodeToString(bytes);
            case Optional<?> o -> encode(o.orElse(null));
            case Collection<?> c -> {
                List<@Nullable Object> list = new ArrayList<>(c.size());
                for (Object x : c) {
                    list.add(encode(x));
                }
                yield list;
            }
            case Map<?, ?> m -> {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    map.put(String.valueOf(e.getKey()), encode(e.getValue()));
                }
                yield map;
            }
            case Record r -> {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                for (RecordComponent rc : r.getClass().getRecordComponents()) {
                    try {
                        rc.getAccessor().setAccessible(true);
                        map.put(rc.getName(), encode(rc.getAccessor().invoke(r)));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new CodecException("cannot read " + r.getClass().getSimpleName() + "." + rc.getName() + ": " + e);
                    }
                }
                yield map;
            }
            default -> throw new CodecException("no JSON form for a value of type " + value.getClass().getName());
        };
    }

    private static Object decodeRecord(Class<?> c, Object json, String where) throws CodecException {
        if (!(json instanceof Map<?, ?> map)) {
            throw new CodecException(where + " must be a JSON object of " + c.getSimpleName() + "'s components");
        }
        RecordComponent[] components = c.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        @Nullable Object[] values = new Object[components.length];
        Set<Object> unused = new LinkedHashSet<>(map.keySet());
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            types[i] = rc.getType();
            String name = rc.getName();
            if (!map.containsKey(name) && rc.getType() != Unit.class) {
                throw new CodecException(where + ": missing field \"" + name + "\"");
            }
            unused.remove(name);
            values[i] = decode(rc.getGenericType(), map.get(name), where + "." + name);
        }
        if (!unused.isEmpty()) {
            throw new CodecException(where + ": unknown field \"" + unused.iterator().next() + "\" ("
                    + c.getSimpleName() + " has " + componentNames(components) + ")");
        }
        try {
            Constructor<?> k = c.getDeclaredConstructor(types);
            k.setAccessible(true);
            return k.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new CodecException(where + ": " + c.getSimpleName() + " rejects these values: " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new CodecException(where + ": cannot build a " + c.getSimpleName() + ": " + e);
        }
    }

    private static String componentNames(RecordComponent[] components) {
        if (components.length == 0) {
            return "no components";
        }
        List<String> names = new ArrayList<>();
        for (RecordComponent rc : components) {
            names.add(rc.getName());
        }
        return String.join(", ", names);
    }

    private static @Nullable Object decode(Type type, @Nullable Object json, String where) throws CodecException {
        if (type instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
            Type[] args = pt.getActualTypeArguments();
            if (raw == Optional.class) {
                return Optional.ofNullable(json == null ? null : decode(args[0], json, where));
            }
            if (json == null) {
                return null;
            }
            if (List.class.isAssignableFrom(raw) || Set.class.isAssignableFrom(raw) || raw == Collection.class) {
                if (!(json instanceof List<?> list)) {
                    throw new CodecException(where + " must be a JSON array");
                }
                List<@Nullable Object> out = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    out.add(decode(args[0], list.get(i), where + "[" + i + "]"));
                }
                return Set.class.isAssignableFrom(raw) ? java.util.Collections.unmodifiableSet(new LinkedHashSet<>(out))
                        : java.util.Collections.unmodifiableList(out);
            }
            if (Map.class.isAssignableFrom(raw) && args[0] == String.class) {
                if (!(json instanceof Map<?, ?> map)) {
                    throw new CodecException(where + " must be a JSON object");
                }
                Map<String, @Nullable Object> out = new HashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.put((String) e.getKey(), decode(args[1], e.getValue(), where + "." + e.getKey()));
                }
                return java.util.Collections.unmodifiableMap(out);
            }
            return decode(raw, json, where);
        }
        if (!(type instanceof Class<?> c) || c == Object.class) {
            return json; // a type variable or Object: the JSON value as it is
        }
        if (c == Unit.class) {
            if (json != null) {
                throw new CodecException(where + " returns nothing: it must be null or absent");
            }
            return Unit.UNIT;
        }
        if (json == null) {
            if (c.isPrimitive()) {
                throw new CodecException(where + " must be a " + c.getName() + ", not null");
            }
            return null;
        }
        if (c == int.class || c == Integer.class) {
            return (int) integer(json, Integer.MIN_VALUE, Integer.MAX_VALUE, where);
        }
        if (c == long.class || c == Long.class) {
            return integer(json, Long.MIN_VALUE, Long.MAX_VALUE, where);
        }
        if (c == short.class || c == Short.class) {
            return (short) integer(json, Short.MIN_VALUE, Short.MAX_VALUE, where);
        }
        if (c == byte.class || c == Byte.class) {
            return (byte) integer(json, Byte.MIN_VALUE, Byte.MAX_VALUE, where);
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            if (!(json instanceof Number n)) {
                throw new CodecException(where + " must be a number");
            }
            return c == float.class || c == Float.class ? (Object) n.floatValue() : (Object) n.doubleValue();
        }
        if (c == boolean.class || c == Boolean.class) {
            if (!(json instanceof Boolean b)) {
                throw new CodecException(where + " must be true or false");
            }
            return b;
        }
        if (c == String.class) {
            if (!(json instanceof String s)) {
                throw new CodecException(where + " must be a string");
            }
            return s;
        }
        if (c == byte[].class) {
            try {
                return Base64.getDecoder().decode((String) json);
            } catch (ClassCastException | IllegalArgumentException e) {
                throw new CodecException(where + " must be Base64 text");
            }
        }
        if (c.isEnum()) {
            for (Object constant : c.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(json)) {
                    return constant;
                }
            }
            throw new CodecException(where + " must be one of " + java.util.Arrays.toString(c.getEnumConstants()));
        }
        if (c.isRecord()) {
            return decodeRecord(c, json, where);
        }
        if (c.isArray() && json instanceof List<?> list) {
            Object array = Array.newInstance(c.getComponentType(), list.size());
            for (int i = 0; i < list.size(); i++) {
                Array.set(array, i, decode(c.getComponentType(), list.get(i), where + "[" + i + "]"));
            }
            return array;
        }
        throw new CodecException(where + " has type " + c.getName() + ", which has no JSON form");
    }

    private static long integer(Object json, long min, long max, String where) throws CodecException {
        if (!(json instanceof Long l) || l < min || l > max) {
            throw new CodecException(where + " must be an integer from " + min + " to " + max);
        }
        return l;
    }

    /** The result type {@code R} that the operation record {@code c} declares as {@code Op<R>}. */
    static Type resultType(Class<?> c) {
        Type t = find(c, Map.of());
        return t == null ? Object.class : t;
    }

    private static @Nullable Type find(Class<?> c, Map<TypeVariable<?>, Type> bindings) {
        for (Type gi : c.getGenericInterfaces()) {
            Class<?> raw = gi instanceof ParameterizedType pt ? (Class<?>) pt.getRawType() : (Class<?>) gi;
            Map<TypeVariable<?>, Type> inner = new HashMap<>();
            if (gi instanceof ParameterizedType pt) {
                TypeVariable<?>[] vars = raw.getTypeParameters();
                Type[] actual = pt.getActualTypeArguments();
                for (int i = 0; i < vars.length; i++) {
                    Type a = actual[i];
                    inner.put(vars[i], a instanceof TypeVariable<?> tv && bindings.containsKey(tv) ? bindings.get(tv) : a);
                }
            }
            if (raw == Op.class) {
                return inner.get(Op.class.getTypeParameters()[0]);
            }
            if (Op.class.isAssignableFrom(raw)) {
                Type found = find(raw, inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
