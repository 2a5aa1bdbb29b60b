package dev.clustersweep.report;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

public class BinningTest {

    @Test
    public void equalWidthBinsKeepCountMinMedianAndMax() {
        double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] y = {5, 1, 3, 10, 20, 30, 0, 0, 0, 7, 9};
        List<Binning.Bin> bins = Binning.of(x, y, 2);
        assertEquals(2, bins.size());
        Binning.Bin first = bins.get(0); // x 0 to 5 (exclusive): y 5 1 3 10 20
        assertEquals(0, first.x0(), 0);
        assertEquals(5, first.x1(), 0);
        assertEquals(5, first.n());
        assertEquals(1, first.min(), 0);
        assertEquals(5, first.median(), 0);
        assertEquals(20, first.max(), 0);
        Binning.Bin last = bins.get(1); // x 5 to 10, the largest x included: y 30 0 0 0 7 9
        assertEquals(6, last.n());
        assertEquals(0, last.min(), 0);
        assertEquals(3.5, last.median(), 1e-12);
        assertEquals(30, last.max(), 0);
        assertEquals(7.5, last.middle(), 0);
    }

    @Test
    public void emptyBinsAreLeftOutSoThatAGapStaysAGap() {
        List<Binning.Bin> bins = Binning.of(new double[] {0, 1, 99, 100}, new double[] {1, 2, 3, 4}, 10);
        assertEquals(2, bins.size());
        assertEquals(2, bins.get(0).n());
        assertEquals(90, bins.get(1).x0(), 1e-9);
    }

    @Test
    public void aHundredThousandPointsAreAFewHundredBins() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = i % 7;
        }
        List<Binning.Bin> bins = Binning.of(x, y, ProgressPlot.BINS);
        assertEquals(ProgressPlot.BINS, bins.size());
        assertEquals(n, bins.stream().mapToInt(Binning.Bin::n).sum());
    }

    @Test
    public void equalXIsOneBin() {
        List<Binning.Bin> bins = Binning.of(new double[] {3, 3, 3}, new double[] {1, 2, 3}, 50);
        assertEquals(1, bins.size());
        assertEquals(2, bins.get(0).median(), 0);
    }
}
