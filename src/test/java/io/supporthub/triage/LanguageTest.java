package io.supporthub.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void theLanguageWithTheMostDistinctFunctionWordsWins() {
        assertThat(Language.guess("the invoice is wrong and my card is not charged")).isEqualTo("en");
        assertThat(Language.guess("ich habe die rechnung nicht bekommen und das ist falsch")).isEqualTo("de");
        assertThat(Language.guess("je ne peux pas payer avec mon compte, et la facture est fausse")).isEqualTo("fr");
        assertThat(Language.guess("no puedo pagar con mi tarjeta y el pedido que hice")).isEqualTo("es");
    }

    @Test
    void onlyWholeWordsCount() {
        // "theory", "andes", "isle" and "the2" hold English function words but are none
        assertThat(Language.guess("theory andes isle the2 der die und")).isEqualTo("de");
        assertThat(Language.guess("(der)die,und.ist")).isEqualTo("de");
    }

    @Test
    void repeatsOfOneWordCountOnce() {
        assertThat(Language.guess("der der der der the and")).isEqualTo("en");
    }

    @Test
    void aTieGoesToTheLanguageListedFirst() {
        // "la" is French and Spanish: one each, and French is listed first
        assertThat(Language.guess("la")).isEqualTo("fr");
        assertThat(Language.guess("the der")).isEqualTo("en");
    }

    @Test
    void englishWhenNoFunctionWordAppears() {
        assertThat(Language.guess("")).isEqualTo("en");
        assertThat(Language.guess("zahlung fehlgeschlagen 404")).isEqualTo("en");
    }
}
