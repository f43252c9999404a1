package io.supporthub.triage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds money amounts in free text: "$1,250.00", "USD 800", "600 EUR", "€75", "£40.5", "900 dollars". */
public final class MoneyAmounts {

    /** An amount and its ISO currency code. */
    public record Amount(BigDecimal value, String currency) {
    }

    private static final String NUMBER = "(\\d{1,3}(?:[,.\\s]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)";
    private static final Pattern PREFIXED = Pattern.compile("(\\$|€|£|\\bUSD|\\bEUR|\\bGBP|\\bCAD|\\bAUD)\\s?" + NUMBER, Pattern.CASE_INSENSITIVE);
    private static final Pattern SUFFIXED = Pattern.compile(NUMBER + "\\s?(USD|EUR|GBP|CAD|AUD|dollars?|euros?|pounds?)\\b", Pattern.CASE_INSENSITIVE);

    private MoneyAmounts() {
    }

    /** Words one of the patterns needs; a text with none of them cannot match, and most texts have none. */
    private static final List<String> PREFIX_MARKS = List.of("$", "€", "£", "usd", "eur", "gbp", "cad", "aud");
    private static final List<String> SUFFIX_MARKS = List.of("usd", "eur", "gbp", "cad", "aud", "dollar", "pound");

    public static List<Amount> find(String text) {
        List<Amount> amounts = new ArrayList<>();
        // the patterns try an alternation with word boundaries at every position: on a long mail that costs more
        // than the rest of triage, so they run only where a currency word or sign can be found at all
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (PREFIX_MARKS.stream().anyMatch(lower::contains)) {
            Matcher prefixed = PREFIXED.matcher(text);
            while (prefixed.find()) {
                amounts.add(new Amount(number(prefixed.group(2)), currency(prefixed.group(1))));
            }
        }
        if (SUFFIX_MARKS.stream().anyMatch(lower::contains)) {
            Matcher suffixed = SUFFIXED.matcher(text);
            while (suffixed.find()) {
                amounts.add(new Amount(number(suffixed.group(1)), currency(suffixed.group(2))));
            }
        }
        return amounts;
    }

    /** Reads "1,250.00", "1.250,00" and "1 250" alike: the last separator followed by one or two digits is the decimal point. */
    static BigDecimal number(String text) {
        String digits = text.replaceAll("\\s", "");
        Matcher decimal = Pattern.compile("[.,](\\d{1,2})$").matcher(digits);
        String fraction = "";
        if (decimal.find()) {
            fraction = decimal.group(1);
            digits = digits.substring(0, decimal.start());
        }
        digits = digits.replaceAll("[.,]", "");
        return new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction);
    }

    private static String currency(String symbol) {
        String s = symbol.toLowerCase(java.util.Locale.ROOT);
        if (s.equals("€") || s.startsWith("eur")) {
            return "EUR";
        }
        if (s.equals("£") || s.startsWith("gbp") || s.startsWith("pound")) {
            return "GBP";
        }
        if (s.equals("cad") || s.equals("aud")) {
            return s.toUpperCase(java.util.Locale.ROOT);
        }
        return "USD";
    }
}
