package io.supporthub.triage.model;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** Reads RFC 4180 CSV records one at a time, including quoted fields with commas, quotes and line breaks. */
public final class CsvReader {

    private final Reader in;
    private int pushedBack = -2;
    private long line = 1;
    private boolean first = true;

    public CsvReader(Reader in) {
        this.in = in;
    }

    /** Returns the next record, or null at end of input; both CRLF and bare LF end a record. */
    public List<String> next() throws IOException {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read(); // spreadsheet exports often start with a byte-order mark
            }
        }
        if (c == -1) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"' && field.isEmpty()) {
                c = readQuoted(field);
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                c = read();
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                line++;
                return fields;
            } else if (c == '\r') {
                int n = read();
                if (n != '\n') {
                    unread(n); // a lone CR (old Mac files) also ends the record
                }
                fields.add(field.toString());
                line++;
                return fields;
            } else {
                // lenient: a stray quote inside an unquoted field is kept as data, as spreadsheets do
                field.append((char) c);
                c = read();
            }
        }
    }

    /** The 1-based physical line the next record starts on, for error messages. */
    public long line() {
        return line;
    }

    /** Reads a quoted field body after its opening quote and returns the first char after the closing quote. */
    private int readQuoted(StringBuilder field) throws IOException {
        long startLine = line;
        while (true) {
            int c = read();
            if (c == -1) {
                throw new IOException("unterminated quoted field starting on line " + startLine);
            }
            if (c == '"') {
                int n = read();
                if (n != '"') {
                    // text after a closing quote ("ab"cd) is kept, like most readers do
                    return n;
                }
            } else if (c == '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
