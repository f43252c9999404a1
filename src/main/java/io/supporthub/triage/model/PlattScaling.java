package io.supporthub.triage.model;

/**
 * Per-label sigmoid calibration of linear decision values (Platt 1999, with Lin, Lin and Weng's
 * Newton method): p(label | text) is taken as 1 / (1 + exp(-(a * decision + b))), with a and b fit
 * on decision values the model gave to texts it was not trained on. The identity (a = 1, b = 0) is
 * the plain logistic of the decision value, what an uncalibrated model uses.
 */
record PlattScaling(float[] slope, float[] offset) {

    PlattScaling {
        if (slope.length != offset.length) {
            throw new IllegalArgumentException("slope and offset differ in length");
        }
    }

    static PlattScaling identity(int labels) {
        float[] one = new float[labels];
        java.util.Arrays.fill(one, 1f);
        return new PlattScaling(one, new float[labels]);
    }

    /** Fits one sigmoid per label from out-of-fold decision values [example][label] and the true labels. */
    static PlattScaling fit(double[][] decisions, int[] truth, int labels) {
        float[] slope = new float[labels];
        float[] offset = new float[labels];
        for (int label = 0; label < labels; label++) {
            double[] ab = fitOne(decisions, truth, label);
            slope[label] = (float) ab[0];
            offset[label] = (float) ab[1];
        }
        return new PlattScaling(slope, offset);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlattScaling p && java.util.Arrays.equals(p.slope, slope) && java.util.Arrays.equals(p.offset, offset);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(slope) + java.util.Arrays.hashCode(offset);
    }

    @Override
    public String toString() {
        return "PlattScaling[slope=" + java.util.Arrays.toString(slope) + ", offset=" + java.util.Arrays.toString(offset) + "]";
    }

    double probability(int label, double decision) {
        return 1 / (1 + Math.exp(-(slope[label] * decision + offset[label])));
    }

    /** Newton's method on the log-loss against Platt's smoothed targets, which keep a and b finite on separable data. */
    private static double[] fitOne(double[][] decisions, int[] truth, int label) {
        int n = decisions.length;
        int positives = 0;
        for (int y : truth) {
            positives += y == label ? 1 : 0;
        }
        double high = (positives + 1.0) / (positives + 2.0);
        double low = 1.0 / (n - positives + 2.0);
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
            for (int i = 0; i < n; i++) {
                double f = decisions[i][label];
                double p = 1 / (1 + Math.exp(-(a * f + b)));
                double error = p - (truth[i] == label ? high : low);
                double weight = p * (1 - p);
                ga += error * f;
                gb += error;
                haa += weight * f * f;
                hab += weight * f;
                hbb += weight;
            }
            double determinant = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / determinant;
            double db = (haa * gb - hab * ga) / determinant;
            a -= da;
            b -= db;
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                return new double[] {1, 0};
            }
            if (Math.abs(da) + Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new double[] {a, b};
    }
}
