package io.github.jwtsigner.it;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.jwtsigner.JwtValidatorFilter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The legacy servlet behind the validator: counts every call, then answers 200 with what it saw as JSON: the
 * principal's name, {@code getRemoteUser()}, {@code getAuthType()}, {@code isUserInRole} for each {@code role}
 * query parameter, the claims attribute (and whether it and every map and list in it refuse changes), and for
 * each {@code header} query parameter the values {@code getHeader}, {@code getHeaders} and
 * {@code getHeaderNames} give.
 *
 * <p>Not copied into the webapp: the container loads it from the class path, as a shared library, so the test
 * reads the same {@link #CALLS}.
 */
public class RecordingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Every request that reached {@link #service}, since the JVM started. */
    public static final AtomicInteger CALLS = new AtomicInteger();
    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        CALLS.incrementAndGet();
        JsonObject out = new JsonObject();
        Principal principal = req.getUserPrincipal();
        out.addProperty("principal", principal == null ? null : principal.getName());
        out.addProperty("remoteUser", req.getRemoteUser());
        out.addProperty("authType", req.getAuthType());
        JsonObject roles = new JsonObject();
        for (String role : values(req, "role")) {
            roles.addProperty(role, req.isUserInRole(role));
        }
        out.add("inRole", roles);
        Object claims = req.getAttribute(JwtValidatorFilter.CLAIMS_ATTRIBUTE);
        out.addProperty("claimsIsMap", claims instanceof Map);
        out.addProperty("claimsUnmodifiable", claims != null && refusesChanges(claims));
        out.add("claims", GSON.toJsonTree(claims));
        out.addProperty("claimsListed",
                Collections.list(req.getAttributeNames()).contains(JwtValidatorFilter.CLAIMS_ATTRIBUTE));
        JsonObject headers = new JsonObject();
        for (String name : values(req, "header")) {
            JsonObject h = new JsonObject();
            h.addProperty("getHeader", req.getHeader(name));
            JsonArray all = new JsonArray();
            Collections.list(req.getHeaders(name)).forEach(all::add);
            h.add("getHeaders", all);
            h.addProperty("namesListed", Collections.list(req.getHeaderNames()).stream()
                    .filter(n -> n.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))).count());
            headers.add(name, h);
        }
        out.add("headers", headers);
        resp.setStatus(200);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(GSON.toJson(out));
    }

    private static List<String> values(HttpServletRequest req, String parameter) {
        String[] values = req.getParameterValues(parameter);
        return values == null ? List.of() : List.of(values);
    }

    /** True when the value and every map and list inside it refuse to be changed. */
    @SuppressWarnings("unchecked")
    private static boolean refusesChanges(Object value) {
        if (value instanceof Map<?, ?> map) {
            try {
                ((Map<String, Object>) map).put("probe", "probe");
                return false;
            } catch (UnsupportedOperationException expected) {
                return map.values().stream().allMatch(RecordingServlet::refusesChanges);
            }
        }
        if (value instanceof List<?> list) {
            try {
                ((List<Object>) list).add("probe");
                return false;
            } catch (UnsupportedOperationException expected) {
                return list.stream().allMatch(RecordingServlet::refusesChanges);
            }
        }
        return true;
    }
}
