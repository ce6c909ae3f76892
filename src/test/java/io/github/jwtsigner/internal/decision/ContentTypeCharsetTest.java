package io.github.jwtsigner.internal.decision;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ContentTypeCharsetTest {
    @Test
    void readsTheCharsetParameterWhateverItsCaseSpacingAndQuotes() {
        assertEquals("UTF-8", ContentTypeCharset.of("application/json;charset=UTF-8"));
        assertEquals("iso-8859-1", ContentTypeCharset.of("text/plain; CHARSET = iso-8859-1"));
        assertEquals("utf-8", ContentTypeCharset.of("text/plain; a=b; charset=\"utf-8\""));
    }

    @Test
    void answersNullWithoutACharset() {
        assertNull(ContentTypeCharset.of(null));
        assertNull(ContentTypeCharset.of("application/json"));
        assertNull(ContentTypeCharset.of("application/json; charset="));
        assertNull(ContentTypeCharset.of("application/json; mycharset=x"));
    }

    @Test
    void removesOnlyTheCharsetParameter() {
        assertEquals("text/plain;a=b;c=d", ContentTypeCharset.remove("text/plain; a=b; charset=UTF-8; c=d"));
        assertEquals("application/json", ContentTypeCharset.remove("application/json;charset=UTF-8"));
        assertEquals("application/json; a=b", ContentTypeCharset.remove("application/json; a=b"));
        assertNull(ContentTypeCharset.remove(null));
    }
}
