package io.supporthub.sla;

import java.time.DayOfWeek;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One opening interval of a weekday, written {@code "09:00-17:00"}; an end before the start
 * ({@code "22:00-06:00"}) is an overnight shift that continues after midnight on the next day.
 */
public record WorkingShift(DayOfWeek day, int startSecond, int endSecond) {

    static final int DAY_SECONDS = 86_400;

    private static final Pattern FORMAT =
            Pattern.compile("\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*-\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*");

    public WorkingShift {
        if (day == null) {
            throw new IllegalArgumentException("shift needs a weekday");
        }
        if (startSecond < 0 || startSecond >= DAY_SECONDS) {
            throw new IllegalArgumentException("shift on " + day + " starts outside 00:00-23:59:59");
        }
        if (endSecond < 0 || endSecond > DAY_SECONDS) {
            throw new IllegalArgumentException("shift on " + day + " ends outside 00:00-24:00");
        }
        if (startSecond == endSecond) {
            throw new IllegalArgumentException("shift " + text(startSecond, endSecond) + " on " + day
                    + " is empty; use 00:00-24:00 for a whole day");
        }
    }

    /** Parses {@code "HH:MM-HH:MM"} (seconds optional, {@code 24:00} allowed as an end). */
    public static WorkingShift parse(DayOfWeek day, String text) {
        if (text == null) {
            throw new IllegalArgumentException("shift on " + day + " is missing (expected like 09:00-17:00)");
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("shift '" + text + "' on " + day
                    + " is not HH:MM-HH:MM (e.g. 09:00-17:00 or 22:00-06:00)");
        }
        int start = seconds(day, text, m.group(1), m.group(2), m.group(3), false);
        int end = seconds(day, text, m.group(4), m.group(5), m.group(6), true);
        return new WorkingShift(day, start, end);
    }

    /** True when the shift runs past midnight into the next weekday. */
    public boolean overnight() {
        return endSecond < startSecond && endSecond > 0;
    }

    /** Seconds of opening time this shift adds to a week (wall-clock, before DST). */
    long wallSeconds() {
        return endSecond > startSecond ? endSecond - startSecond : DAY_SECONDS - startSecond + endSecond;
    }

    @Override
    public String toString() {
        return day + " " + text(startSecond, endSecond);
    }

    static String text(int start, int end) {
        return clock(start) + "-" + clock(end);
    }

    static String clock(int second) {
        String hm = String.format("%02d:%02d", second / 3600, second % 3600 / 60);
        return second % 60 == 0 ? hm : hm + String.format(":%02d", second % 60);
    }

    private static int seconds(DayOfWeek day, String text, String h, String m, String s, boolean isEnd) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        int second = s == null ? 0 : Integer.parseInt(s);
        boolean endOfDay = isEnd && hour == 24 && minute == 0 && second == 0;
        if ((hour > 23 && !endOfDay) || minute > 59 || second > 59) {
            throw new IllegalArgumentException("shift '" + text + "' on " + day + ": "
                    + h + ":" + m + (s == null ? "" : ":" + s) + " is not a time of day"
                    + (isEnd ? " (24:00 is allowed as an end)" : ""));
        }
        return hour * 3600 + minute * 60 + second;
    }
}
