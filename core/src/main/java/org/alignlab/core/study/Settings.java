package org.alignlab.core.study;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study's configuration record read and changed by setting name, so {@code alignlab study NAME
 * --set comparisons=100,1000} works for any study without an option written for it. Settings are
 * the record's components; lists are comma-separated.
 */
public final class Settings {
    private Settings() {
    }

    /** Each setting's name and value as a person would type it, in declaration order. */
    public static Map<String, String> of(Record config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (RecordComponent c : config.getClass().getRecordComponents()) {
            out.put(c.getName(), show(get(c, config)));
        }
        return out;
    }

    /** {@code base} with the named settings changed; an unknown name or a bad value is an error that lists what is allowed. */
    public static <C extends Record> C with(C base, Map<String, String> changes) {
        RecordComponent[] components = base.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        Map<String, String> left = new LinkedHashMap<>(changes);
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String change = left.remove(c.getName());
            values[i] = change == null ? get(c, base) : parse(c, change);
        }
        if (!left.isEmpty()) {
            throw new IllegalArgumentException("unknown setting '" + left.keySet().iterator().next() + "'; the settings are "
                    + String.join(", ", Arrays.stream(components).map(RecordComponent::getName).toList()));
        }
        try {
            @SuppressWarnings("unchecked")
            var constructor = base.getClass().getDeclaredConstructor(types);
            constructor.setAccessible(true); // a config record need not be public to be changed by name
            C changed = (C) constructor.newInstance(values);
            return changed;
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException bad) {
                throw bad;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + base.getClass().getSimpleName(), e);
        }
    }

    /** Parses {@code NAME=VALUE} pairs. */
    public static Map<String, String> pairs(List<String> assignments) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + a + "' is not NAME=VALUE");
            }
            out.put(a.substring(0, eq).trim(), a.substring(eq + 1).trim());
        }
        return out;
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String show(Object v) {
        if (v instanceof int[] a) {
            return String.join(",", Arrays.stream(a).mapToObj(Integer::toString).toList());
        }
        if (v instanceof long[] a) {
            return String.join(",", Arrays.stream(a).mapToObj(Long::toString).toList());
        }
        if (v instanceof double[] a) {
            return String.join(",", Arrays.stream(a).mapToObj(Double::toString).toList());
        }
        if (v instanceof String[] a) {
            return String.join(",", a);
        }
        return String.valueOf(v);
    }

    private static Object parse(RecordComponent c, String text) {
        Class<?> t = c.getType();
        try {
            if (t == int.class || t == Integer.class) {
                return Integer.parseInt(text.replace("_", ""));
            }
            if (t == long.class || t == Long.class) {
                return Long.parseLong(text.replace("_", ""));
            }
            if (t == double.class || t == Double.class) {
                return Double.parseDouble(text);
            }
            if (t == boolean.class || t == Boolean.class) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new NumberFormatException();
                }
                return Boolean.parseBoolean(text);
            }
            if (t == String.class) {
                return text;
            }
            String[] parts = text.isEmpty() ? new String[0] : text.split(",");
            if (t == String[].class) {
                return Arrays.stream(parts).map(String::trim).toArray(String[]::new);
            }
            if (t == int[].class) {
                return Arrays.stream(parts).map(p -> p.trim().replace("_", "")).mapToInt(Integer::parseInt).toArray();
            }
            if (t == long[].class) {
                return Arrays.stream(parts).map(p -> p.trim().replace("_", "")).mapToLong(Long::parseLong).toArray();
            }
            if (t == double[].class) {
                return Arrays.stream(parts).map(String::trim).mapToDouble(Double::parseDouble).toArray();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting " + c.getName() + " wants " + kind(t) + ", not '" + text + "'");
        }
        throw new IllegalArgumentException("setting " + c.getName() + " (" + t.getSimpleName() + ") cannot be set by name");
    }

    private static String kind(Class<?> t) {
        return t == boolean.class ? "true or false" : t.isArray() ? "a comma-separated list of "
                + t.getComponentType().getSimpleName() + " values" : "a " + t.getSimpleName() + " value";
    }
}
