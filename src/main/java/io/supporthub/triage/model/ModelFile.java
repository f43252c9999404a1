package io.supporthub.triage.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Saves and loads a TextClassifier as a gzip'd binary file: a magic number and format version,
 * then labels, feature settings, vocabulary, IDF, weights and score calibration. A newer format is
 * refused, not guessed.
 */
public final class ModelFile {

    static final int MAGIC = 0x53485452; // "SHTR": support-hub triage
    /** 2 adds the per-label calibration (slope, offset); a version 1 file reads with the identity calibration. */
    static final int VERSION = 2;

    private ModelFile() {
    }

    /** Writes to a temporary file first, so a crash never leaves a half-written model where the hub loads one. */
    public static void save(TextClassifier classifier, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                write(classifier, os);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static TextClassifier load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static void write(TextClassifier classifier, OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(classifier.labels().size());
        for (String label : classifier.labels()) {
            out.writeUTF(label);
        }
        TfIdfVectorizer vectorizer = classifier.vectorizer();
        FeatureSettings s = vectorizer.settings();
        out.writeBoolean(s.wordBigrams());
        out.writeInt(s.charMin());
        out.writeInt(s.charMax());
        out.writeFloat(s.wordShare());
        out.writeInt(s.minDocFrequency());
        out.writeInt(vectorizer.dimension());
        for (long key : vectorizer.keys()) {
            out.writeLong(key);
        }
        for (float v : vectorizer.idf()) {
            out.writeFloat(v);
        }
        for (float v : classifier.bias()) {
            out.writeFloat(v);
        }
        for (float v : classifier.weights()) {
            out.writeFloat(v);
        }
        for (int label = 0; label < classifier.labels().size(); label++) {
            out.writeFloat(classifier.calibration().slope()[label]);
            out.writeFloat(classifier.calibration().offset()[label]);
        }
        out.flush();
        gzip.finish(); // the caller owns and closes target
    }

    public static TextClassifier read(InputStream source) throws IOException {
        DataInputStream in;
        try {
            in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source), 1 << 16));
        } catch (java.util.zip.ZipException e) {
            throw new IOException("not a triage model file (not gzip)", e);
        }
        if (in.readInt() != MAGIC) {
            throw new IOException("not a triage model file (bad magic number)");
        }
        int version = in.readInt();
        if (version != VERSION && version != 1) {
            throw new IOException("triage model format version " + version + " is not supported (this build reads "
                    + VERSION + "); retrain with triage-train");
        }
        int labelCount = in.readInt();
        List<String> labels = new ArrayList<>(labelCount);
        for (int i = 0; i < labelCount; i++) {
            labels.add(in.readUTF());
        }
        FeatureSettings settings = new FeatureSettings(in.readBoolean(), in.readInt(), in.readInt(), in.readFloat(), in.readInt());
        int dims = in.readInt();
        long[] keys = new long[dims];
        for (int i = 0; i < dims; i++) {
            keys[i] = in.readLong();
        }
        float[] idf = readFloats(in, dims);
        float[] bias = readFloats(in, labelCount);
        float[] weights = readFloats(in, Math.multiplyExact(dims, labelCount));
        PlattScaling calibration = PlattScaling.identity(labelCount);
        if (version >= 2) {
            for (int label = 0; label < labelCount; label++) {
                calibration.slope()[label] = in.readFloat();
                calibration.offset()[label] = in.readFloat();
            }
        }
        return new TextClassifier(labels, new TfIdfVectorizer(settings, keys, idf), weights, bias, calibration);
    }

    private static float[] readFloats(DataInputStream in, int n) throws IOException {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }
}
