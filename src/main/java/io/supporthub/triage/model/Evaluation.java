package io.supporthub.triage.model;

import io.supporthub.db.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Accuracy, macro-F1 and the confusion matrix of a classifier on labelled examples. */
public final class Evaluation {

    /** Matrices wider than this print as a list of the most frequent confusions instead. */
    static final int MAX_MATRIX_LABELS = 30;
    private static final double LOG_LOSS_FLOOR = 1e-15;

    private final List<String> labels;
    private final int[][] confusion; // [true label][predicted label]
    private final int n;
    private final double logLoss;

    Evaluation(List<String> labels, int[][] confusion, double logLoss) {
        this.logLoss = logLoss;
        this.labels = List.copyOf(labels);
        this.confusion = confusion;
        int total = 0;
        for (int[] row : confusion) {
            for (int count : row) {
                total += count;
            }
        }
        this.n = total;
    }

    /** Labels are the sorted union of true and predicted labels, as scikit-learn's macro average uses. */
    public static Evaluation of(TextClassifier classifier, List<LabelledExample> examples) {
        List<String> predicted = new ArrayList<>(examples.size());
        double logLoss = 0;
        for (LabelledExample example : examples) {
            double[] scores = classifier.scores(example.text());
            predicted.add(classifier.best(scores).label());
            int truth = classifier.labels().indexOf(example.label());
            // a label the model never learnt counts as the floor probability, as scikit-learn clips
            logLoss -= Math.log(Math.max(LOG_LOSS_FLOOR, truth < 0 ? 0 : scores[truth]));
        }
        TreeSet<String> union = new TreeSet<>(predicted);
        examples.forEach(e -> union.add(e.label()));
        List<String> labels = new ArrayList<>(union);
        int[][] confusion = new int[labels.size()][labels.size()];
        for (int i = 0; i < examples.size(); i++) {
            confusion[labels.indexOf(examples.get(i).label())][labels.indexOf(predicted.get(i))]++;
        }
        return new Evaluation(labels, confusion, examples.isEmpty() ? Double.NaN : logLoss / examples.size());
    }

    /**
     * Mean negative log of the score given to the true label: how much the scores can be trusted as
     * probabilities (lower is better; a uniform guess over k labels scores ln k). NaN when not known.
     */
    public double logLoss() {
        return logLoss;
    }

    public int n() {
        return n;
    }

    public List<String> labels() {
        return labels;
    }

    public int[][] confusion() {
        return confusion;
    }

    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < labels.size(); i++) {
            correct += confusion[i][i];
        }
        return n == 0 ? 0 : (double) correct / n;
    }

    /**
     * The binomial standard error of the accuracy, sqrt(p(1 - p) / n): how far the figure may move on
     * another test set of the same size. On a few hundred tickets it is several points.
     */
    public double accuracyStandardError() {
        double p = accuracy();
        return n == 0 ? 0 : Math.sqrt(p * (1 - p) / n);
    }

    public double macroF1() {
        double sum = 0;
        for (int i = 0; i < labels.size(); i++) {
            sum += f1(i);
        }
        return labels.isEmpty() ? 0 : sum / labels.size();
    }

    /** F1 of one label; 0 when it was neither predicted correctly nor at all, as scikit-learn does. */
    double f1(int label) {
        int truePositive = confusion[label][label];
        int predicted = 0;
        int actual = 0;
        for (int j = 0; j < labels.size(); j++) {
            predicted += confusion[j][label];
            actual += confusion[label][j];
        }
        return predicted + actual == 0 ? 0 : 2.0 * truePositive / (predicted + actual);
    }

    public String toJson() {
        StringBuilder json = new StringBuilder();
        json.append(String.format(Locale.ROOT, "{\"n\": %d, \"accuracy\": %.6f, \"macro_f1\": %.6f, \"accuracy_se\": %.6f, \"log_loss\": %s, \"labels\": [",
                n, accuracy(), macroF1(), accuracyStandardError(), Double.isNaN(logLoss) ? "null" : String.format(Locale.ROOT, "%.6f", logLoss)));
        for (int i = 0; i < labels.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(Json.quote(labels.get(i)));
        }
        json.append("], \"confusion\": [");
        for (int i = 0; i < labels.size(); i++) {
            json.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < labels.size(); j++) {
                json.append(j == 0 ? "" : ", ").append(confusion[i][j]);
            }
            json.append(']');
        }
        return json.append("]}").toString();
    }

    /** Human-readable report: summary, per-label F1 and the confusion matrix (or its top cells when wide). */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "n: %d%naccuracy: %.4f (standard error %.4f)%nmacro-F1: %.4f%nlog-loss of the scores: %.4f%n", n,
                accuracy(), accuracyStandardError(), macroF1(), logLoss);
        int width = labels.stream().mapToInt(String::length).max().orElse(5);
        out.println("per label (F1, support):");
        for (int i = 0; i < labels.size(); i++) {
            int support = 0;
            for (int count : confusion[i]) {
                support += count;
            }
            out.printf(Locale.ROOT, "  %3d %-" + width + "s  %.3f  %d%n", i, labels.get(i), f1(i), support);
        }
        if (labels.size() <= MAX_MATRIX_LABELS) {
            out.println("confusion matrix (rows: true label, columns: predicted, by number above):");
            StringBuilder header = new StringBuilder("      ");
            for (int j = 0; j < labels.size(); j++) {
                header.append(String.format("%5d", j));
            }
            out.println(header);
            for (int i = 0; i < labels.size(); i++) {
                StringBuilder row = new StringBuilder(String.format("  %3d ", i));
                for (int j = 0; j < labels.size(); j++) {
                    row.append(String.format("%5d", confusion[i][j]));
                }
                out.println(row);
            }
        } else {
            out.println("top confusions (" + labels.size() + " labels; --json prints the full matrix):");
            for (int[] cell : topConfusions(20)) {
                out.printf("  %4d  %s -> %s%n", cell[2], labels.get(cell[0]), labels.get(cell[1]));
            }
        }
    }

    /** The off-diagonal cells with the highest counts, as {true, predicted, count}, largest first. */
    public List<int[]> topConfusions(int limit) {
        List<int[]> cells = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            for (int j = 0; j < labels.size(); j++) {
                if (i != j && confusion[i][j] > 0) {
                    cells.add(new int[] {i, j, confusion[i][j]});
                }
            }
        }
        cells.sort((a, b) -> b[2] != a[2] ? Integer.compare(b[2], a[2]) : Integer.compare(a[0], b[0]));
        return cells.subList(0, Math.min(limit, cells.size()));
    }
}
