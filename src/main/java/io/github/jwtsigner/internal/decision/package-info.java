/**
 * What the filter does with a finished response, without a servlet in sight: {@code ResponseDecision} holds every
 * rule (pass through, sign, fail closed), applied to the {@code ResponseFacts} the servlet plumbing gathers and to
 * the held body ({@code BodyDecoder}). Not an API.
 */
package io.github.jwtsigner.internal.decision;
