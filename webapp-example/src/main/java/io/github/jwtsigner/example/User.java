package io.github.jwtsigner.example;

import java.util.List;

/**
 * A user of the monolith: the id that becomes the token's {@code sub}, the login name, and the roles.
 *
 * <p>Immutable and thread-safe.
 */
public record User(String id, String name, List<String> roles) {
    public User {
        roles = List.copyOf(roles);
    }

    @Override
    public String toString() {
        return "User[id=" + id + ", name=" + name + "]";
    }
}
