package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CorrelationTest {

    @Test
    void acceptOrGenerateWhenIncomingIdIsSafeThenEchoedElseReplaced() {
        assertThat(Correlation.acceptOrGenerate("client-req-0001")).isEqualTo("client-req-0001");
        assertThat(Correlation.acceptOrGenerate("bad\r\nSet-Cookie: x=1")).matches("[A-Za-z0-9_-]{22}");
        assertThat(Correlation.acceptOrGenerate("a".repeat(65))).hasSize(22);
        assertThat(Correlation.acceptOrGenerate("short")).hasSize(22);
        assertThat(Correlation.acceptOrGenerate(null)).hasSize(22);
        assertThat(Correlation.newId()).isNotEqualTo(Correlation.newId());
    }
}
