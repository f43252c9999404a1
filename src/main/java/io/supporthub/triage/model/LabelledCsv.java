package io.supporthub.triage.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a CSV file with a header row into labelled examples by joining the chosen text columns. */
public final class LabelledCsv {

    /** Rows read and rows skipped because their label was empty. */
    public record Result(List<LabelledExample> examples, int skippedUnlabelled) {
    }

    private LabelledCsv() {
    }

    public static Result read(Path file, List<String> textColumns, String labelColumn) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, textColumns, labelColumn);
        }
    }

    /**
     * Reads all rows; text columns are joined with a line break so a subject and body stay separate words.
     *
     * @throws IllegalArgumentException when a named column is not in the header
     */
    public static Result read(Reader in, List<String> textColumns, String labelColumn) throws IOException {
        CsvReader csv = new CsvReader(in instanceof BufferedReader ? in : new BufferedReader(in));
        List<String> header = csv.next();
        if (header == null) {
            throw new IllegalArgumentException("the CSV file is empty: a header row is required");
        }
        int[] textIdx = new int[textColumns.size()];
        for (int i = 0; i < textIdx.length; i++) {
            textIdx[i] = column(header, textColumns.get(i));
        }
        int labelIdx = column(header, labelColumn);

        List<LabelledExample> examples = new ArrayList<>();
        int skipped = 0;
        List<String> row;
        StringBuilder text = new StringBuilder();
        while ((row = csv.next()) != null) {
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue; // blank line
            }
            String label = field(row, labelIdx).strip();
            if (label.isEmpty()) {
                skipped++;
                continue;
            }
            text.setLength(0);
            for (int idx : textIdx) {
                String part = field(row, idx);
                if (!part.isBlank()) {
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    text.append(part);
                }
            }
            examples.add(new LabelledExample(text.toString(), label));
        }
        return new Result(examples, skipped);
    }

    /** Header names match case-insensitively and ignoring surrounding blanks, as people type them. */
    private static int column(List<String> header, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        throw new IllegalArgumentException("column '" + name + "' is not in the header " + header);
    }

    /** Short rows (trailing empty fields dropped by some exporters) read as empty fields. */
    private static String field(List<String> row, int idx) {
        return idx < row.size() ? row.get(idx) : "";
    }
}
