package dev.portcullis.oauth.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void cleanWhenBidiControlsAndMarksThenRemoved() {
        assertThat(UntrustedText.clean("Good\u202EgnaB\u202C \u2066x\u2069\u200E\u200F\u061C\u200B\uFEFFApp"))
                .isEqualTo("GoodgnaB xApp");
    }

    @Test
    void cleanWhenControlCharactersAndSeparatorsThenRemovedAndWhitespaceIsASpace() {
        assertThat(UntrustedText.clean("\u0007My\u001B[1m\tApp\u0085\u2028\u2029 "))
                .isEqualTo("My[1mApp");
        assertThat(UntrustedText.clean("My\u00A0App")).isEqualTo("My App");
    }

    @Test
    void cleanWhenOnlyInvisibleOrNullThenEmpty() {
        assertThat(UntrustedText.clean("\u202E\u200B")).isEmpty();
        assertThat(UntrustedText.clean(null)).isEmpty();
    }

    @Test
    void cleanWhenLongThenCutAtEightyCodePointsWithEllipsis() {
        String emoji = "\uD83D\uDC31";
        assertThat(UntrustedText.clean(emoji.repeat(100))).isEqualTo(emoji.repeat(80) + "…");
        assertThat(UntrustedText.clean("a".repeat(80))).isEqualTo("a".repeat(80));
    }
}
