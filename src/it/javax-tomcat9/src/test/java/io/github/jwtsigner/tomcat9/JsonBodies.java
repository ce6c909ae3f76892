package io.github.jwtsigner.tomcat9;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.ParseException;
import java.util.Map;

/** JSON response bodies read with Nimbus' own parser, which the filter does not use. */
final class JsonBodies {
    private JsonBodies() {
    }

    static Map<String, Object> object(String json) throws ParseException {
        return JSONObjectUtils.parse(json);
    }
}
