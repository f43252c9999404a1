package io.supporthub.contract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The vendors' API descriptions the contract suites serve with Prism: upstream files from
 * ../shared/specs, with the few documented corrections a real client needs, written to target/.
 */
public final class VendorSpecs {

    static final Path SHARED_SPECS = Path.of("..", "shared", "specs");
    static final Path SLACK_WEB_API = SHARED_SPECS.resolve("slack").resolve("slack_web_openapi_v2.json");
    /** Zendesk's Support API description as published (a snapshot of developer.zendesk.com/zendesk/oas.yaml). */
    public static final Path ZENDESK_SUPPORT = SHARED_SPECS.resolve("zendesk").resolve("support-oas.yaml");
    static final Path SALESFORCE_TEMPLATE = Path.of("src", "test", "resources", "contract", "salesforce-rest.DERIVED.yaml");

    private static final ObjectMapper JSON = new ObjectMapper();

    private VendorSpecs() {
    }

    public static void assumeShared() {
        assumeTrue(Files.isDirectory(SHARED_SPECS), "vendor specs absent at " + SHARED_SPECS.toAbsolutePath()
                + " (../shared is missing); contract suite skipped");
    }

    /**
     * Slack's Web API description (Swagger 2.0, slackapi/slack-api-specs), corrected where it is
     * stricter than Slack itself, so that a conforming client passes:
     * <ul>
     * <li>paths carry the {@code /api} base path, which Prism ignores otherwise (clients call {@code /api/chat.postMessage});</li>
     * <li>the required {@code token} header is dropped: Slack takes the token as {@code Authorization: Bearer}, which
     *     the spec's own {@code slackAuth} security already demands (api.slack.com/authentication/basics);</li>
     * <li>{@code auth.test} also accepts POST, as every Web API method does (api.slack.com/web#methods); the Java SDK posts it;</li>
     * <li>boolean form fields also take {@code 1}/{@code 0}: Slack's own Java SDK sends them so and Slack reads them as
     *     booleans, but the spec types them {@code boolean}, which a validator reads as {@code true}/{@code false} only.</li>
     * </ul>
     */
    public static Path slackWebApi() throws IOException {
        ObjectNode spec = (ObjectNode) JSON.readTree(SLACK_WEB_API.toFile());
        String basePath = spec.path("basePath").asText("");
        spec.remove("basePath");
        ObjectNode paths = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> entries = spec.path("paths").fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            for (JsonNode operation : entry.getValue()) {
                dropTokenHeader(operation);
                acceptNumericBooleans(operation);
            }
            paths.set(basePath + entry.getKey(), entry.getValue());
        }
        ObjectNode authTest = (ObjectNode) paths.path(basePath + "/auth.test");
        if (authTest.has("get") && !authTest.has("post")) {
            authTest.set("post", authTest.get("get").deepCopy());
        }
        spec.set("paths", paths);
        return write("slack-web-api.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec));
    }

    /**
     * Zendesk's Support API description, corrected where it is silent about what Zendesk documents in
     * prose, so that a conforming client passes:
     * <ul>
     * <li>Upload Files ({@code POST /api/v2/uploads}) takes the file's raw bytes with the file's own Content-Type
     *     ("The Content-Type header must contain a recognized MIME type", the operation's description), but the
     *     description declares no request body, which a validator reads as "no body allowed";</li>
     * <li>it also takes {@code token}, an earlier upload's token, to add the file to the same upload
     *     (developer.zendesk.com, Upload Files: "passing the API token received from the first request").</li>
     * </ul>
     */
    public static Path zendeskSupport() throws IOException {
        ObjectNode spec = (ObjectNode) new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(ZENDESK_SUPPORT.toFile());
        ObjectNode upload = (ObjectNode) spec.path("paths").path("/api/v2/uploads").path("post");
        if (!upload.has("requestBody")) {
            ObjectNode anyFile = upload.putObject("requestBody").put("required", true).putObject("content").putObject("*/*");
            anyFile.putObject("schema").put("type", "string").put("format", "binary");
        }
        ArrayNode parameters = (ArrayNode) upload.path("parameters");
        boolean hasToken = false;
        for (JsonNode parameter : parameters) {
            hasToken |= parameter.path("name").asText().equals("token");
        }
        if (!hasToken) {
            ObjectNode token = parameters.addObject().put("name", "token").put("in", "query").put("required", false)
                    .put("description", "The token of an earlier upload, to add this file to it");
            token.putObject("schema").put("type", "string");
        }
        return write("zendesk-support.json", JSON.writeValueAsString(spec));
    }

    /**
     * {@link #zendeskSupport()} with every {@code /api/v2/…} path in its {@code .json} form, the one Zendesk's own
     * documentation and client libraries call (Zendesk serves both; the description names only the bare one), for a
     * suite whose client calls that form, such as the Zendesk simulator's.
     */
    public static Path zendeskSupportWithJsonPaths() throws IOException {
        ObjectNode spec = (ObjectNode) JSON.readTree(zendeskSupport().toFile());
        ObjectNode paths = JSON.createObjectNode();
        spec.path("paths").fields().forEachRemaining(entry -> {
            String path = entry.getKey();
            paths.set(path.startsWith("/api/v2/") && !path.endsWith(".json") ? path + ".json" : path, entry.getValue());
        });
        spec.set("paths", paths);
        return write("zendesk-support-json-paths.json", JSON.writeValueAsString(spec));
    }

    /** The derived Salesforce description (src/test/resources/contract), its examples naming the mock's own URL. */
    public static Path salesforceRest(String baseUrl) throws IOException {
        String template = Files.readString(SALESFORCE_TEMPLATE, StandardCharsets.UTF_8);
        return write("salesforce-rest.yaml", template.replace("{{baseUrl}}", baseUrl));
    }

    private static void dropTokenHeader(JsonNode operation) {
        if (!(operation.path("parameters") instanceof ArrayNode parameters)) {
            return;
        }
        List<JsonNode> kept = new ArrayList<>();
        parameters.forEach(parameter -> {
            boolean tokenHeader = parameter.path("in").asText().equals("header") && parameter.path("name").asText().equals("token");
            if (!tokenHeader) {
                kept.add(parameter);
            }
        });
        parameters.removeAll();
        parameters.addAll(kept);
    }

    private static void acceptNumericBooleans(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("formData") && parameter.path("type").asText().equals("boolean")) {
                ObjectNode field = (ObjectNode) parameter;
                field.put("type", "string");
                field.putArray("enum").add("true").add("false").add("1").add("0");
            }
        }
    }

    private static Path write(String name, String content) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "contract"));
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
