package io.supporthub.sla;

import io.supporthub.policy.PolicyYaml;

/** The SLA files as {@link InputNode}s, read by the hub's one policy YAML reader; its errors become the SLA's. */
final class YamlSource {

    private YamlSource() {
    }

    static InputNode parse(String yamlText, String sourceName) {
        if (yamlText == null) {
            throw new InvalidSlaInputException(sourceName, "YAML text is missing");
        }
        try {
            return InputNode.root(PolicyYaml.parse(yamlText, sourceName), "");
        } catch (PolicyYaml.InvalidPolicyYamlException e) {
            throw new InvalidSlaInputException(sourceName, "is not valid YAML: " + e.getMessage(), e);
        }
    }

    static String classpathText(String resource) {
        return PolicyYaml.classpathText(resource);
    }
}
