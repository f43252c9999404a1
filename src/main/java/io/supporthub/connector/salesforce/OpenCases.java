package io.supporthub.connector.salesforce;

/**
 * Where the number of the account's open cases comes from: a second query counting open Cases of
 * the account, a roll-up (or any number) field on the Contact's path, or nowhere.
 */
public record OpenCases(Source source, FieldPath field) {

    public enum Source { CASE_COUNT, FIELD, NONE }

    public static final OpenCases CASE_COUNT = new OpenCases(Source.CASE_COUNT, null);
    public static final OpenCases NONE = new OpenCases(Source.NONE, null);

    public OpenCases {
        if ((source == Source.FIELD) != (field != null)) {
            throw new IllegalArgumentException("a field is named exactly when open cases come from a field");
        }
    }

    /** "case-count", "none", or a field path such as Account.Open_Cases__c. */
    public static OpenCases parse(String text) {
        String value = text == null ? "" : text.strip();
        return switch (value) {
            case "case-count" -> CASE_COUNT;
            case "none" -> NONE;
            default -> new OpenCases(Source.FIELD, FieldPath.parse(value));
        };
    }

    @Override
    public String toString() {
        return source == Source.FIELD ? field.soql() : source == Source.CASE_COUNT ? "case-count" : "none";
    }
}
