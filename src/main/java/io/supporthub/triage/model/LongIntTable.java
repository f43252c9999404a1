package io.supporthub.triage.model;

import java.util.Arrays;

/** An open-addressing map from non-zero long keys to ints, so hashed features are counted without boxing. */
final class LongIntTable {

    private long[] keys;
    private int[] values;
    private int size;
    private int mask;

    LongIntTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** Adds delta to the key's value (absent keys start at 0) and returns the new value. */
    int add(long key, int delta) {
        int slot = slotOf(key);
        if (keys[slot] == 0) {
            keys[slot] = key;
            values[slot] = delta;
            if (++size * 2 > keys.length) {
                grow();
            }
            return delta;
        }
        return values[slot] += delta;
    }

    void put(long key, int value) {
        int slot = slotOf(key);
        if (keys[slot] == 0) {
            keys[slot] = key;
            values[slot] = value;
            if (++size * 2 > keys.length) {
                grow();
            }
        } else {
            values[slot] = value;
        }
    }

    int get(long key, int absent) {
        int slot = slotOf(key);
        return keys[slot] == 0 ? absent : values[slot];
    }

    int size() {
        return size;
    }

    /** Number of slots; iterate 0..capacity()-1 and skip slots whose keyAt is 0. */
    int capacity() {
        return keys.length;
    }

    long keyAt(int slot) {
        return keys[slot];
    }

    int valueAt(int slot) {
        return values[slot];
    }

    void clear() {
        Arrays.fill(keys, 0L);
        size = 0;
    }

    private int slotOf(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 marks an empty slot");
        }
        // keys are already well-mixed hashes, so the low bits spread evenly
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
