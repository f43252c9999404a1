package io.supporthub.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Parses policy and calendar YAML into plain maps and lists (YAML 1.2, so dates and "on"/"off" stay text). */
final class YamlSource {

    private YamlSource() {
    }

    static InputNode parse(String yamlText, String sourceName) {
        if (yamlText == null) {
            throw new InvalidSlaInputException(sourceName, "YAML text is missing");
        }
        try {
            Load load = new Load(LoadSettings.builder().setLabel(sourceName).setAllowDuplicateKeys(false).build());
            return InputNode.root(load.loadFromString(yamlText), "");
        } catch (YamlEngineException e) {
            throw new InvalidSlaInputException(sourceName, "is not valid YAML: " + e.getMessage(), e);
        }
    }

    static String classpathText(String resource) {
        try (InputStream in = YamlSource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
    }
}
