package io.github.jwtsigner.internal.settings;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.jwtsigner.InvalidConfigurationException;
import io.github.jwtsigner.SignerConfig;
import io.github.jwtsigner.ValidatorConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link SignerConfig} from KrakenD JSON, in any of three shapes:
 * <ol>
 *   <li>the {@code auth/signer} object itself: {@code {"alg": "HS256", "kid": "sim2", ...}};</li>
 *   <li>one endpoint: {@code {"endpoint": "/token", "extra_config": {"auth/signer": {...}}}};</li>
 *   <li>a whole KrakenD configuration, {@code {"version": 3, "endpoints": [...]}}, with the endpoint chosen
 *       by its {@code endpoint} value (exact match, such as {@code /token}); without a name, the only
 *       endpoint that has an {@code auth/signer}.</li>
 * </ol>
 * An object with {@code endpoints} or {@code version} is a whole configuration; else one with
 * {@code extra_config} or {@code endpoint} is an endpoint; else it is the signer object. Only the signer
 * object is checked member by member: the rest of a KrakenD file is KrakenD's business.
 *
 * <p>The JSON must be strict RFC 8259 (Gson's leniencies refused) and name no member twice in one object.
 * Values must have their JSON type: strings, booleans, whole numbers, arrays of strings or of whole
 * numbers; {@code null} sets nothing. Strings are taken exactly as written, as KrakenD takes them. Durations
 * are strings in Go's syntax: {@code "5s"}.
 *
 * <p>Every string value of the signer object may hold {@code ${env:NAME}} and {@code ${sys:name}}
 * placeholders; {@code $${} is a literal {@code ${}. A setting that is not a string may be written as a
 * string holding a placeholder ({@code "cache_duration": "${env:CACHE_SECONDS}"}): the expanded text is then
 * read as an init-param would be. An unset variable is a problem that names it.
 *
 * <p>Stateless and thread-safe.
 */
public final class KrakendConfigReader {
    /** KrakenD's namespace for the signer inside an endpoint's {@code extra_config}. */
    public static final String NAMESPACE = "auth/signer";
    /** KrakenD's namespace for the validator inside an endpoint's {@code extra_config}. */
    public static final String VALIDATOR_NAMESPACE = "auth/validator";

    private static final String ENDPOINTS = "endpoints";
    private static final String VERSION = "version";
    private static final String ENDPOINT = "endpoint";
    private static final String METHOD = "method";
    private static final String EXTRA_CONFIG = "extra_config";

    private KrakendConfigReader() {
    }

    /**
     * Reads the signer settings out of a KrakenD JSON document.
     *
     * @param json the document's text; a leading byte order mark is ignored
     * @param endpointOrNull for a whole KrakenD configuration, the {@code endpoint} value of the endpoint to
     *     use; {@code null} or blank to use the only one that has a signer. Must be left out, or match, for
     *     the other two shapes.
     * @param source where the document comes from, such as its file name; starts every problem
     * @return the validated configuration
     * @throws InvalidConfigurationException naming every problem: malformed JSON (with Gson's line, column
     *     and path), no such endpoint (listing those that have a signer), unknown setting names (with the
     *     closest known one), values of the wrong JSON type, and everything
     *     {@link SignerConfig.Builder#build()} rejects
     */
    public static SignerConfig read(String json, String endpointOrNull, String source) {
        return read(json, endpointOrNull, source, Placeholders.system());
    }

    /** As {@link #read(String, String, String)}, with placeholders looked up in {@code placeholders}. */
    static SignerConfig read(String json, String endpointOrNull, String source, Placeholders placeholders) {
        Found signer = find(json, endpointOrNull, source, new Namespace(NAMESPACE, "signer"));
        return new SettingsAssembler(signer.source, Set.of(), placeholders).assemble(values(signer));
    }

    /**
     * Reads the validator settings, the {@code auth/validator} object, out of a KrakenD JSON document in any of
     * the three shapes; otherwise as {@link #read(String, String, String)}.
     *
     * @throws InvalidConfigurationException naming every problem
     */
    public static ValidatorConfig readValidator(String json, String endpointOrNull, String source) {
        return readValidator(json, endpointOrNull, source, Placeholders.system());
    }

    static ValidatorConfig readValidator(String json, String endpointOrNull, String source,
            Placeholders placeholders) {
        Found validator = find(json, endpointOrNull, source, new Namespace(VALIDATOR_NAMESPACE, "validator"));
        return new SettingsAssembler(validator.source, Set.of(), placeholders, ValidatorConfig.settingNames())
                .assembleValidator(values(validator));
    }

    private static Map<String, RawValue> values(Found found) {
        Map<String, RawValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : found.element.getAsJsonObject().entrySet()) {
            values.put(e.getKey(), new JsonValue(e.getValue()));
        }
        return values;
    }

    /** A namespace and the word its messages use for the component: {@code signer}. */
    private record Namespace(String name, String component) {
        String path() {
            return EXTRA_CONFIG + ".\"" + name + "\"";
        }
    }

    private static Found find(String json, String endpointOrNull, String source, Namespace ns) {
        String path = ns.path();
        String endpoint = endpointOrNull == null || endpointOrNull.isBlank() ? null : endpointOrNull.strip();
        JsonElement root;
        try {
            root = StrictJson.parse(json.startsWith("\uFEFF") ? json.substring(1) : json);
        } catch (StrictJson.MalformedJsonText e) {
            throw fail(source, "not valid JSON: " + e.getMessage() + "; expected strict JSON (RFC 8259)");
        }
        if (!root.isJsonObject()) {
            throw fail(source, "the top level is " + JsonValue.typeName(root) + "; expected a JSON object: the "
                    + ns.name() + " settings, an endpoint with " + path
                    + ", or a whole KrakenD configuration");
        }
        JsonObject top = root.getAsJsonObject();
        Found signer;
        if (top.has(ENDPOINTS) || top.has(VERSION)) {
            signer = fromWholeConfig(top, endpoint, source, ns);
        } else if (top.has(EXTRA_CONFIG) || top.has(ENDPOINT)) {
            signer = fromEndpoint(top, endpoint, source, ns);
        } else if (endpoint != null) {
            throw fail(source, "endpoint [" + endpoint + "] is set, but this holds the " + ns.name()
                    + " settings themselves, not a KrakenD configuration with endpoints; expected no endpoint,"
                    + " or a whole KrakenD configuration");
        } else {
            signer = new Found(top, source);
        }
        if (!signer.element.isJsonObject()) {
            throw fail(signer.source, path + " is " + JsonValue.typeName(signer.element)
                    + "; expected a JSON object holding the " + ns.component() + " settings");
        }
        return signer;
    }

    /** The signer element, and the source named in its problems. */
    private record Found(JsonElement element, String source) {
    }

    private static Found fromWholeConfig(JsonObject config, String endpoint, String source, Namespace ns) {
        String path = ns.path();
        JsonElement endpoints = config.get(ENDPOINTS);
        if (endpoints == null || !endpoints.isJsonArray()) {
            throw fail(source, ENDPOINTS + " is " + (endpoints == null ? "missing" : JsonValue.typeName(endpoints))
                    + "; expected a KrakenD configuration with a JSON array of " + ENDPOINTS);
        }
        List<JsonObject> withSigner = new ArrayList<>();
        Set<String> signerNames = new LinkedHashSet<>();
        List<JsonObject> named = new ArrayList<>();
        for (JsonElement e : endpoints.getAsJsonArray()) {
            if (!e.isJsonObject()) {
                continue;
            }
            JsonObject candidate = e.getAsJsonObject();
            if (signerOf(candidate, ns) != null) {
                withSigner.add(candidate);
                signerNames.add(String.valueOf(nameOf(candidate)));
            }
            if (endpoint != null && endpoint.equals(nameOf(candidate))) {
                named.add(candidate);
            }
        }
        if (endpoint == null) {
            if (withSigner.size() == 1) {
                return found(withSigner.get(0), source, ns);
            }
            if (withSigner.isEmpty()) {
                throw fail(source, "no endpoint has " + path + "; expected one endpoint with the "
                        + ns.component() + " settings");
            }
            throw fail(source, withSigner.size() + " endpoints have " + path + ": " + signerNames
                    + "; expected an endpoint name choosing one of them");
        }
        if (named.isEmpty()) {
            throw fail(source, "endpoint [" + endpoint + "] not found; endpoints with " + path + ": "
                    + signerNames);
        }
        List<JsonObject> namedWithSigner = named.stream().filter(o -> signerOf(o, ns) != null).toList();
        if (namedWithSigner.isEmpty()) {
            throw fail(source, "endpoint [" + endpoint + "] has no " + path + "; endpoints with "
                    + path + ": " + signerNames);
        }
        // KrakenD allows one path per HTTP method; that is fine as long as the signers agree.
        JsonElement first = signerOf(namedWithSigner.get(0), ns);
        if (namedWithSigner.stream().anyMatch(o -> !first.equals(signerOf(o, ns)))) {
            List<String> methods = namedWithSigner.stream().map(o -> String.valueOf(stringMember(o, METHOD)))
                    .toList();
            throw fail(source, "endpoint [" + endpoint + "] appears " + namedWithSigner.size() + " times (methods "
                    + methods + ") with different " + path + "; expected the same " + ns.component()
                    + " settings for one endpoint name");
        }
        return found(namedWithSigner.get(0), source, ns);
    }

    private static Found fromEndpoint(JsonObject endpointObject, String endpoint, String source, Namespace ns) {
        String path = ns.path();
        String own = nameOf(endpointObject);
        if (endpoint != null && own != null && !own.equals(endpoint)) {
            throw fail(source, "this endpoint is [" + own + "], not [" + endpoint + "]; expected the endpoint"
                    + " name to match, or to be left out");
        }
        if (signerOf(endpointObject, ns) == null) {
            throw fail(source, "endpoint" + (own == null ? "" : " [" + own + "]") + " has no " + path
                    + "; expected a JSON object there holding the " + ns.component() + " settings");
        }
        return found(endpointObject, source, ns);
    }

    private static Found found(JsonObject endpointObject, String source, Namespace ns) {
        String name = nameOf(endpointObject);
        return new Found(signerOf(endpointObject, ns), name == null ? source : source + ", endpoint [" + name + "]");
    }

    /** The endpoint's {@code extra_config."auth/signer"}, or null when it has none. */
    private static JsonElement signerOf(JsonObject endpointObject, Namespace ns) {
        JsonElement extra = endpointObject.get(EXTRA_CONFIG);
        if (extra == null || !extra.isJsonObject()) {
            return null;
        }
        return extra.getAsJsonObject().get(ns.name());
    }

    private static String nameOf(JsonObject endpointObject) {
        return stringMember(endpointObject, ENDPOINT);
    }

    private static String stringMember(JsonObject object, String member) {
        JsonElement e = object.get(member);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
    }

    private static InvalidConfigurationException fail(String source, String problem) {
        return new InvalidConfigurationException(source + ": " + problem);
    }
}
