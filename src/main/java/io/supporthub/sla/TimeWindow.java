package io.supporthub.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A half-open span of real time [start, end), used for the periods a ticket's SLA clock is paused. */
public record TimeWindow(Instant start, Instant end) {

    public TimeWindow {
        if (start == null || end == null) {
            throw new IllegalArgumentException("time window needs both start and end, got " + start + " .. " + end);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("time window ends (" + end + ") before it starts (" + start + ")");
        }
    }

    public static TimeWindow of(Instant start, Instant end) {
        return new TimeWindow(start, end);
    }

    /** Sorted, with overlapping or touching windows merged and empty ones dropped. */
    static List<TimeWindow> normalize(List<TimeWindow> windows) {
        if (windows == null || windows.isEmpty()) {
            return List.of();
        }
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.removeIf(w -> w.start.equals(w.end));
        sorted.sort(Comparator.comparing(TimeWindow::start));
        List<TimeWindow> merged = new ArrayList<>();
        for (TimeWindow w : sorted) {
            TimeWindow last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !w.start.isAfter(last.end)) {
                if (w.end.isAfter(last.end)) {
                    merged.set(merged.size() - 1, new TimeWindow(last.start, w.end));
                }
            } else {
                merged.add(w);
            }
        }
        return merged;
    }
}
