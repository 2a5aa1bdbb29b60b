package dev.clustersweep.search;

import java.util.BitSet;
import java.util.OptionalDouble;

/**
 * The bookkeeping every optimiser shares: numbering the asks, refusing tells of samples never asked
 * or already told (a driver bug that would silently double a result), counting the outcomes.
 */
abstract class Tally implements Optimizer {

    private int asked;
    private int succeeded;
    private int failed;
    private final BitSet told = new BitSet();

    /** The number the next ask gets. */
    protected final int nextNumber() {
        return asked + 1;
    }

    /** Records that sample {@code number} was handed out. */
    protected final Sample handOut(Sample sample) {
        if (sample.number() != asked + 1) {
            throw new IllegalStateException("sample " + sample.number() + " handed out after " + asked);
        }
        asked++;
        return sample;
    }

    @Override
    public final void tell(Sample sample, OptionalDouble value) {
        int n = sample.number();
        if (n > asked) {
            throw new IllegalArgumentException("sample " + n + " was never asked (" + asked + " so far)");
        }
        if (told.get(n)) {
            throw new IllegalStateException("sample " + n + " was told before");
        }
        told.set(n);
        if (value.isPresent() && !Double.isNaN(value.getAsDouble())) {
            succeeded++;
            learn(sample, value.getAsDouble());
        } else {
            failed++;
        }
    }

    /** A successful result, not NaN. */
    protected abstract void learn(Sample sample, double value);

    @Override
    public final int asked() {
        return asked;
    }

    @Override
    public final int succeeded() {
        return succeeded;
    }

    @Override
    public final int failed() {
        return failed;
    }
}
