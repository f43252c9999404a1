import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a Java Flight Recording spent its CPU samples: the hottest methods by self time, and the
 * share of samples spent under each of a few named frames (inclusive), so a benchmark run shows
 * what to optimise. Record with {@code -XX:StartFlightRecording=filename=hub.jfr,settings=profile}.
 *
 * usage: java bench/JfrHotspots.java hub.jfr [TOP] [frame-prefix ...]
 */
public class JfrHotspots {

    public static void main(String[] args) throws Exception {
        List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0]));
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<String> prefixes = args.length > 2 ? List.of(args).subList(2, args.length) : List.of(
                "io.supporthub.mail.mime.", "io.supporthub.triage.model.", "io.supporthub.triage.", "io.supporthub.mail.filter.",
                "io.supporthub.mail.threading.", "org.postgresql.", "com.zaxxer.hikari.", "org.eclipse.angus.mail.", "org.apache.camel.",
                "org.quartz.", "io.supporthub.");
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        Map<String, Integer> firstOwn = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : events) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (!frames.isEmpty()) {
                self.merge(name(frames.get(0)), 1, Integer::sum);
            }
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                for (String prefix : prefixes) {
                    if (name.startsWith(prefix) && seen.add(prefix)) {
                        inclusive.merge(prefix, 1, Integer::sum);
                    }
                }
            }
            // the innermost frame of the hub's own code: which of its steps the sample was spent in
            frames.stream().map(JfrHotspots::name).filter(n -> n.startsWith("io.supporthub.")).findFirst()
                    .ifPresent(n -> firstOwn.merge(n, 1, Integer::sum));
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+", "#"), 1, Integer::sum);
        }
        System.out.printf("%d execution samples%n%nself time:%n", samples);
        int total = samples;
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        System.out.printf("%ninclusive (any frame under the prefix):%n");
        prefixes.forEach(p -> System.out.printf("%6.1f %%  %s%n", 100.0 * inclusive.getOrDefault(p, 0) / total, p));
        System.out.printf("%ninnermost hub frame (inclusive of the libraries it calls):%n");
        firstOwn.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("%6.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        System.out.printf("%nby thread:%n");
        threads.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf("%6.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
