package io.supporthub.connector.spi;

/** A configuration value that is missing or wrong, told in terms an admin can act on. */
public class ConfigException extends RuntimeException {

    private final String source;
    private final String key;

    public ConfigException(String source, String key, String problem) {
        super(source + ": key '" + key + "' " + problem);
        this.source = source;
        this.key = key;
    }

    public String source() {
        return source;
    }

    public String key() {
        return key;
    }
}
