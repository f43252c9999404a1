package io.supporthub.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zendesk's Support API description (../shared/specs/zendesk/support-oas.yaml, OpenAPI 3.0.3) as Prism serves it to
 * the contract suites, with two corrections a conforming client needs:
 * <ul>
 * <li>every {@code /api/v2/…} path ends in {@code .json}, the form Zendesk's own documentation, its client libraries
 *     and the hub call (Zendesk serves both forms; the description names only the bare one, so Prism would match none
 *     of those requests);</li>
 * <li>Upload Files takes the file as its body, with the file's own content type, as the operation's description
 *     says; the description declares no request body, so Prism refuses every upload.</li>
 * </ul>
 * The file is corrected as text: YAML 1.1 readers refuse it (see ../shared/specs/PRISM.md), and only these lines change.
 */
public final class ZendeskSupportSpec {

    static final Path SUPPORT_API = VendorSpecs.SHARED_SPECS.resolve("zendesk").resolve("support-oas.yaml");
    private static final Pattern PATH_KEY = Pattern.compile("^  (/api/v2/[^:\\s]+):\\s*$");
    private static final List<String> UPLOAD_BODY = List.of(
            "      requestBody:",
            "        required: true",
            "        content:",
            "          '*/*':",
            "            schema:",
            "              type: string",
            "              format: binary");

    private ZendeskSupportSpec() {
    }

    /** The corrected description, written to target/contract/. */
    public static Path withJsonPaths() throws IOException {
        List<String> lines = Files.readAllLines(SUPPORT_API, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(Files.size(SUPPORT_API) > Integer.MAX_VALUE / 2 ? 0 : (int) Files.size(SUPPORT_API) + 32_768);
        boolean inUploadFiles = false;
        for (String line : lines) {
            Matcher m = PATH_KEY.matcher(line);
            inUploadFiles = inUploadFiles || line.equals("      operationId: UploadFiles");
            if (inUploadFiles && line.equals("      responses:")) {
                UPLOAD_BODY.forEach(body -> out.append(body).append('\n'));
                inUploadFiles = false;
            }
            out.append(m.matches() && !m.group(1).endsWith(".json") ? "  " + m.group(1) + ".json:" : line).append('\n');
        }
        Path dir = Files.createDirectories(Path.of("target", "contract"));
        Path file = dir.resolve("zendesk-support-json-paths.yaml");
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }
}
