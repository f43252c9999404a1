package io.supporthub.sla;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Splits weekly shifts into sorted, non-overlapping pieces per weekday, so each date can be walked alone. */
final class DailyPieces {

    private record Piece(int start, int end, WorkingShift origin) {
    }

    private DailyPieces() {
    }

    /** Index 0 is Monday; each array is flat [start, end, ...] seconds of the day, adjacent pieces merged. */
    static int[][] split(Map<DayOfWeek, List<WorkingShift>> shifts) {
        List<List<Piece>> byDay = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            byDay.add(new ArrayList<>());
        }
        shifts.values().forEach(list -> list.forEach(shift -> {
            int today = shift.day().getValue() - 1;
            if (shift.endSecond() > shift.startSecond()) {
                byDay.get(today).add(new Piece(shift.startSecond(), shift.endSecond(), shift));
            } else {
                // overnight: the part after midnight counts on the next date (Sunday wraps to Monday)
                byDay.get(today).add(new Piece(shift.startSecond(), WorkingShift.DAY_SECONDS, shift));
                if (shift.endSecond() > 0) {
                    byDay.get((today + 1) % 7).add(new Piece(0, shift.endSecond(), shift));
                }
            }
        }));
        int[][] result = new int[7][];
        for (int i = 0; i < 7; i++) {
            result[i] = mergeAdjacent(DayOfWeek.of(i + 1), byDay.get(i));
        }
        return result;
    }

    private static int[] mergeAdjacent(DayOfWeek day, List<Piece> pieces) {
        pieces.sort(Comparator.comparingInt(Piece::start));
        List<int[]> merged = new ArrayList<>();
        Piece previous = null;
        for (Piece piece : pieces) {
            if (previous != null && piece.start() < previous.end()) {
                throw new IllegalArgumentException("shifts overlap on " + day + ": " + previous.origin()
                        + " and " + piece.origin());
            }
            if (!merged.isEmpty() && merged.get(merged.size() - 1)[1] == piece.start()) {
                merged.get(merged.size() - 1)[1] = piece.end();
            } else {
                merged.add(new int[] {piece.start(), piece.end()});
            }
            previous = piece;
        }
        int[] flat = new int[merged.size() * 2];
        for (int i = 0; i < merged.size(); i++) {
            flat[2 * i] = merged.get(i)[0];
            flat[2 * i + 1] = merged.get(i)[1];
        }
        return flat;
    }
}
