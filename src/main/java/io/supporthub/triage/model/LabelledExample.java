package io.supporthub.triage.model;

/** One training or evaluation case: the ticket text and the label a person gave it. */
public record LabelledExample(String text, String label) {
}
