package io.supporthub.sandbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The sandbox's ports: defaults, overridden by environment variables, overridden by {@code --name=port} flags. */
public record SandboxPorts(int http, int management, int smtp, int imap, int salesforce, int slack, int zendesk) {

    /** Ports as before the Zendesk simulator: it takes any free port (0). */
    public SandboxPorts(int http, int management, int smtp, int imap, int salesforce, int slack) {
        this(http, management, smtp, imap, salesforce, slack, 0);
    }

    public static SandboxPorts from(List<String> args, UnaryOperator<String> environment) {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("sandbox takes --name=port flags only, got '" + arg + "'");
            }
            flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        SandboxPorts ports = new SandboxPorts(
                port(flags, environment, "http-port", "HUB_HTTP_PORT", 8080),
                port(flags, environment, "management-port", "HUB_MGMT_PORT", 9876),
                port(flags, environment, "smtp-port", "HUB_SANDBOX_SMTP_PORT", 3025),
                port(flags, environment, "imap-port", "HUB_SANDBOX_IMAP_PORT", 3143),
                port(flags, environment, "salesforce-port", "HUB_SANDBOX_SALESFORCE_PORT", 8091),
                port(flags, environment, "slack-port", "HUB_SANDBOX_SLACK_PORT", 8092),
                port(flags, environment, "zendesk-port", "HUB_SANDBOX_ZENDESK_PORT", 8093));
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException("unknown sandbox flag(s): " + flags.keySet()
                    + "; known: --http-port, --management-port, --smtp-port, --imap-port, --salesforce-port, --slack-port, --zendesk-port");
        }
        return ports;
    }

    private static int port(Map<String, String> flags, UnaryOperator<String> environment, String flag, String variable, int fallback) {
        String text = flags.remove(flag);
        String source = "--" + flag;
        if (text == null) {
            text = environment.apply(variable);
            source = variable;
        }
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " must be a port number from 0 to 65535, got '" + text + "'");
        }
    }
}
