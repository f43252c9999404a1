package io.supporthub.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.core.ConstructYamlCoreFloat;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads the admin-editable policy files (SLA policies, calendars, escalations, triage rules) into plain maps, lists
 * and scalars, each domain then checking its own shape. YAML 1.2, so dates and "on"/"off"/"no" stay text; a key given
 * twice is refused rather than silently overwritten; a decimal keeps the digits it was written with (500.00 stays
 * 500.00), as money limits and percentages should.
 */
public final class PolicyYaml {

    /** The YAML 1.2 core schema's own reading, for .inf and .nan, which have no decimal. */
    private static final ConstructNode CORE_FLOAT = new ConstructYamlCoreFloat();

    private PolicyYaml() {
    }

    /** The parsed document; {@link InvalidPolicyYamlException} names the source and where the text broke. */
    public static Object parse(String yamlText, String sourceName) {
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(sourceName).setAllowDuplicateKeys(false)
                    .setTagConstructors(Map.of(Tag.FLOAT, PolicyYaml::decimal)).build();
            return new Load(settings).loadFromString(yamlText);
        } catch (YamlEngineException e) {
            throw new InvalidPolicyYamlException(e.getMessage(), e);
        }
    }

    /** A policy file shipped in the jar, as text. */
    public static String classpathText(String resource) {
        try (InputStream in = PolicyYaml.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, e);
        }
    }

    private static Object decimal(Node node) {
        String text = ((ScalarNode) node).getValue().replace("_", "");
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException infinityOrNan) {
            return CORE_FLOAT.construct(node);
        }
    }

    /** Text that is not YAML, or repeats a key. */
    public static final class InvalidPolicyYamlException extends RuntimeException {

        InvalidPolicyYamlException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
