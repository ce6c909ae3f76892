package io.github.jwtsigner.internal.ops;

/**
 * What the audit trail says about the request that got or showed a token: its method, its URI (the path, without
 * the query string, which may carry secrets) and the client's address as the container saw it. Raw values: the
 * audit line neutralises them, and leaves the URI's path parameters out ({@code ;jsessionid=}).
 *
 * @param method such as {@code POST}
 * @param uri {@code getRequestURI()}
 * @param client {@code getRemoteAddr()}
 */
public record RequestLine(String method, String uri, String client) {
}
