package org.alignlab.oversight;

import java.util.function.Supplier;

/** A value worked out on first use and kept (one judgement's: not shared between threads). */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private T value;

    Lazy(Supplier<T> make) {
        this.make = make;
    }

    @Override
    public T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }
}
