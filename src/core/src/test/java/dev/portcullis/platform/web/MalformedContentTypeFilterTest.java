package dev.portcullis.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9110 section 8.3.1 media types, as the Content-Type filter accepts them. */
class MalformedContentTypeFilterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/json; charset=utf-8",
                "application/json;charset=\"utf-8\"",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "*/*",
                "application/json;;",
                "text/plain ; a=b ; c=d "
            })
    void validWhenMediaTypeThenTrue(String value) {
        assertThat(MalformedContentTypeFilter.valid(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a/b/c",
                "application",
                "application/",
                "/json",
                "application/json; charset",
                "a b/c",
                "application/json; a=\"unterminated",
                "application/json; =x"
            })
    void validWhenNotAMediaTypeThenFalse(String value) {
        assertThat(MalformedContentTypeFilter.valid(value)).isFalse();
    }
}
