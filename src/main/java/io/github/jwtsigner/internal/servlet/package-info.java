/**
 * The servlet plumbing behind {@link io.github.jwtsigner.JwtSignerFilter}: the response wrapper that holds the
 * servlet's body back ({@code SigningResponseWrapper}, {@code CapturedBody}), the request through the signer
 * ({@code ResponseSigning}, which acts on the decision made in {@code internal.decision}), and the lookup of key
 * and configuration files inside a webapp. Not an API: the public classes here exist only for the filter and may
 * change without notice.
 */
package io.github.jwtsigner.internal.servlet;
