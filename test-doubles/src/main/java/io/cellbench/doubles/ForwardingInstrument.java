package io.cellbench.doubles;

import io.cellbench.core.instrument.Instrument;
import java.util.Objects;

/**
 * What every forwarding instrument passes on unchanged: its name, its identity and its closing.
 * The kinds ({@link ForwardingCyclerChannel}, {@link ForwardingEisAnalyzer}) add their own calls.
 * {@link Instrument#verified()} is not forwarded: a test's stand-in has checked nothing.
 *
 * @param <T> the kind of instrument behind it
 */
public abstract class ForwardingInstrument<T extends Instrument> implements Instrument {

    protected final T inner;

    protected ForwardingInstrument(T inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public String identify() {
        return inner.identify();
    }

    @Override
    public void close() {
        inner.close();
    }
}
