/**
 * The servlet plumbing behind {@link io.github.jwtsigner.JwtSignerFilter}: the response wrapper that holds the
 * servlet's body back, the decision to sign, pass through or fail closed, and the lookup of key and
 * configuration files inside a webapp. Not an API: the public classes here exist only for the filter and may
 * change without notice.
 */
package io.github.jwtsigner.internal.servlet;
