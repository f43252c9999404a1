package io.supporthub.triage.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parses "--name value" options and bare "--flag" switches, refusing anything a command does not declare. */
final class CommandArguments {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private CommandArguments() {
    }

    static CommandArguments parse(List<String> args, Set<String> valued, Set<String> switches) throws UsageException {
        CommandArguments parsed = new CommandArguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq); // --holdout=0.2 works as well as --holdout 0.2
                inline = arg.substring(eq + 1);
            }
            if (switches.contains(name) && inline == null) {
                parsed.flags.add(name);
            } else if (valued.contains(name)) {
                String value = inline;
                if (value == null) {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args.get(++i);
                }
                if (parsed.values.put(name, value) != null) {
                    throw new UsageException(name + " is given twice");
                }
            } else {
                throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        return parsed;
    }

    String required(String name) throws UsageException {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " is required");
        }
        return value;
    }

    String optional(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name) || flags.contains(name);
    }

    double fraction(String name) throws UsageException {
        try {
            double value = Double.parseDouble(required(name));
            if (!(value > 0 && value < 1)) {
                throw new UsageException(name + " must be a fraction between 0 and 1, e.g. 0.2");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a number such as 0.2, got '" + values.get(name) + "'");
        }
    }

    long integer(String name, long fallback) throws UsageException {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, got '" + value + "'");
        }
    }
}
