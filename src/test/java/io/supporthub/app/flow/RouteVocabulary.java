package io.supporthub.app.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What the YAML routes name: the headers, exchange properties and beans they set, read or call, each with the file and
 * the path in it where it is named. Read from the parsed YAML, so a name in a comment does not count.
 */
final class RouteVocabulary {

    enum Kind { HEADER, PROPERTY, BEAN }

    /** One name a route uses, and where. */
    record Use(Kind kind, String name, String source, String path) {

        @Override
        public String toString() {
            return kind.name().toLowerCase() + " '" + name + "' at " + source + " " + path;
        }
    }

    private static final String NAME = "['\"]?([A-Za-z0-9_\\-]+)";
    private static final Pattern SIMPLE_HEADER = Pattern.compile("\\$\\{(?:in\\.)?headers?(?:\\.|\\[|:)" + NAME);
    private static final Pattern SIMPLE_PROPERTY = Pattern.compile("\\$\\{exchangeProperty(?:\\.|\\[|:)" + NAME);
    private static final Pattern SIMPLE_BEAN = Pattern.compile("\\$\\{(?:bean|ref):" + NAME);
    private static final Set<String> BEAN_KEYS = Set.of("ref", "aggregationStrategy", "executorService");
    private static final Set<String> HEADER_STEPS = Set.of("setHeader", "removeHeader");
    private static final Set<String> PROPERTY_STEPS = Set.of("setProperty", "removeProperty");

    private final List<Use> uses = new ArrayList<>();

    private RouteVocabulary() {
    }

    /** Every *.camel.yaml under the folder, sub-folders included. */
    static List<Use> of(Path routesDir) {
        try (Stream<Path> files = Files.walk(routesDir)) {
            RouteVocabulary vocabulary = new RouteVocabulary();
            files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted()
                    .forEach(f -> vocabulary.read(routesDir.relativize(f).toString(), text(f)));
            return List.copyOf(vocabulary.uses);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One route file's text, e.g. a made-up one. */
    static List<Use> of(String source, String yaml) {
        RouteVocabulary vocabulary = new RouteVocabulary();
        vocabulary.read(source, yaml);
        return List.copyOf(vocabulary.uses);
    }

    /** The values of a class's public static String constants, e.g. {@link HeaderNames} or Camel's {@link Exchange}. */
    static Set<String> constants(Class<?>... holders) {
        Set<String> names = new TreeSet<>();
        for (Class<?> holder : holders) {
            for (Field field : holder.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    try {
                        names.add((String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return names;
    }

    private void read(String source, String yaml) {
        Load load = new Load(LoadSettings.builder().setLabel(source).build());
        walk(load.loadFromString(yaml), null, source, "");
    }

    private void walk(Object node, String parentKey, String source, String path) {
        String key = parentKey == null ? "" : parentKey;
        if (node instanceof Map<?, ?> map) {
            if (HEADER_STEPS.contains(key)) {
                add(Kind.HEADER, map.get("name"), source, path);
            } else if (PROPERTY_STEPS.contains(key)) {
                add(Kind.PROPERTY, map.get("name"), source, path);
            } else if ("removeHeaders".equals(key)) {
                patternNames(map.get("pattern"), source, path);
                patternNames(map.get("excludePattern"), source, path);
            }
            map.forEach((k, v) -> walk(v, String.valueOf(k), source, path + "/" + k));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), key, source, path + "[" + i + "]");
            }
        } else if (node instanceof String text) {
            scalar(key, text, source, path);
        }
    }

    private void scalar(String key, String text, String source, String path) {
        if ("header".equals(key)) {
            add(Kind.HEADER, text, source, path);
        } else if ("exchangeProperty".equals(key)) {
            add(Kind.PROPERTY, text, source, path);
        } else if (BEAN_KEYS.contains(key) || text.startsWith("#")) {
            beanReference(text, source, path);
        } else if (text.startsWith("bean:")) {
            add(Kind.BEAN, text.substring("bean:".length()).split("[?.]", 2)[0], source, path);
        }
        find(SIMPLE_HEADER, Kind.HEADER, text, source, path);
        find(SIMPLE_PROPERTY, Kind.PROPERTY, text, source, path);
        find(SIMPLE_BEAN, Kind.BEAN, text, source, path);
    }

    /** {@code #name} or {@code #bean:name}; {@code #class:} and {@code #type:} create or look up by type, not by name. */
    private void beanReference(String text, String source, String path) {
        String name = text.startsWith("#bean:") ? text.substring(6) : text.startsWith("#") ? text.substring(1) : text;
        if (!name.startsWith("class:") && !name.startsWith("type:") && !name.isBlank()) {
            add(Kind.BEAN, name, source, path);
        }
    }

    /** The literal names in a removeHeaders pattern ({@code a|b|c}); wildcards and regular expressions name nothing. */
    private void patternNames(Object pattern, String source, String path) {
        if (pattern instanceof String text) {
            for (String part : text.split("\\|")) {
                if (part.matches("[A-Za-z0-9_\\-]+")) {
                    add(Kind.HEADER, part, source, path);
                }
            }
        }
    }

    private void find(Pattern pattern, Kind kind, String text, String source, String path) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            add(kind, m.group(1), source, path);
        }
    }

    private void add(Kind kind, Object name, String source, String path) {
        if (name instanceof String text && !text.isBlank()) {
            uses.add(new Use(kind, text, source, path));
        }
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
