package io.github.jwtsigner.internal.settings;

import io.github.jwtsigner.Setting;

import io.github.jwtsigner.Problems;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitParamValueTest {

    @Test
    void setsNothingWhenTheValueIsMissing() {
        assertTrue(new InitParamValue(null).isAbsent());
        assertFalse(new InitParamValue("").isAbsent());
    }

    @Test
    void trimsTextIncludingUnicodeSpaces() {
        Problems problems = new Problems();

        assertEquals("sim2", new InitParamValue("\u2003 sim2 \n").text(Setting.KID, problems));
        assertEquals(List.of(), problems.messages());
    }

    @Test
    void keepsJsonArrayItemsAsWrittenInsideTheTrimmedValue() {
        Problems problems = new Problems();

        assertEquals(List.of(" a ", "b"), new InitParamValue("  [\" a \", \"b\"]  ").textList(Setting.KEYS_TO_SIGN,
                problems));
        assertEquals(List.of(), problems.messages());
    }

    @Test
    void rejectsAValueThatStartsLikeAJsonArrayButIsNotOne() {
        Problems problems = new Problems();

        assertNull(new InitParamValue("[1] [2]").wholeNumberList(Setting.CIPHER_SUITES, problems));
        assertEquals(List.of("cipher_suites [[1] [2]] is not a valid JSON array (content after the JSON value at"
                + " line 1 column 6 path $); expected comma-separated values such as [49199, 4865] or a JSON array"
                + " such as [49199, 4865]"), problems.messages());
    }

    @Test
    void reportsEveryBadItemOfACommaSeparatedList() {
        Problems problems = new Problems();

        assertNull(new InitParamValue("x, 4865, 99999").wholeNumberList(Setting.CIPHER_SUITES, problems));
        assertEquals(List.of(
                "cipher_suites item 1 [x] is not a whole number; expected an IANA cipher suite id from 0 to 65535,"
                        + " such as [49199]",
                "cipher_suites item 3 [99999] is out of range; expected an IANA cipher suite id from 0 to 65535,"
                        + " such as [49199]"), problems.messages());
    }
}
