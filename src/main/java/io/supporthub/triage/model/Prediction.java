package io.supporthub.triage.model;

import java.util.Locale;

/** The model's best label with its score and the runner-up, as recorded on the ticket timeline. */
public record Prediction(String label, double score, String runnerUp, double runnerUpScore) {

    /** The reason line for the timeline, e.g. "model label billing, score 0.82, runner-up refund". */
    public String reason() {
        String line = String.format(Locale.ROOT, "model label %s, score %.2f", label, score);
        return runnerUp == null ? line : line + ", runner-up " + runnerUp;
    }
}
