package io.supporthub.triage.model;

/** Feature indices (ascending) and their weights for one text. */
record SparseVector(int[] indices, float[] values) {
}
