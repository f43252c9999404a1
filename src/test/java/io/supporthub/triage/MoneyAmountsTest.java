package io.supporthub.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporthub.triage.MoneyAmounts.Amount;
import org.junit.jupiter.api.Test;

class MoneyAmountsTest {

    @Test
    void reads_symbols_codes_and_words_before_or_after_the_number() {
        assertThat(MoneyAmounts.find("charged $1,250.00 twice")).containsExactly(new Amount(new java.math.BigDecimal("1250.00"), "USD"));
        assertThat(MoneyAmounts.find("USD 800 please")).extracting(Amount::currency).containsExactly("USD");
        assertThat(MoneyAmounts.find("refund 600 EUR")).extracting(a -> a.value().toPlainString()).containsExactly("600");
        assertThat(MoneyAmounts.find("£40.5 back")).extracting(Amount::currency).containsExactly("GBP");
        assertThat(MoneyAmounts.find("about 900 dollars")).extracting(a -> a.value().toPlainString()).containsExactly("900");
    }

    @Test
    void reads_european_and_space_grouped_numbers() {
        assertThat(MoneyAmounts.number("1.250,00")).isEqualByComparingTo("1250.00");
        assertThat(MoneyAmounts.number("1 250")).isEqualByComparingTo("1250");
        assertThat(MoneyAmounts.number("12,5")).isEqualByComparingTo("12.5");
    }

    @Test
    void numbers_without_a_currency_are_not_money() {
        assertThat(MoneyAmounts.find("order 12345 arrived on 2026-11-02")).isEmpty();
    }
}
