package io.github.jwtsigner.example;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The monolith's user table, kept in memory: the demo users john/doe (role_a, role_b), jane/secret (role_a)
 * and ada/lovelace (role_a, admin).
 *
 * <p>Passwords are compared in constant time; a real monolith keeps salted hashes in its database instead of
 * plain text. Immutable and thread-safe.
 */
public final class UserDirectory {
    private record Account(User user, byte[] password) {
    }

    private final Map<String, Account> byName;
    private final Map<String, User> byId;

    private UserDirectory(List<Account> accounts) {
        this.byName = accounts.stream().collect(Collectors.toUnmodifiableMap(a -> a.user().name(), a -> a));
        this.byId = accounts.stream().collect(Collectors.toUnmodifiableMap(a -> a.user().id(), Account::user));
    }

    /** The demo users. */
    public static UserDirectory demoUsers() {
        return new UserDirectory(List.of(
                account(new User("1001", "john", List.of("role_a", "role_b")), "doe"),
                account(new User("1002", "jane", List.of("role_a")), "secret"),
                account(new User("1003", "ada", List.of("role_a", "admin")), "lovelace")));
    }

    private static Account account(User user, String password) {
        return new Account(user, password.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @return the user when the name exists and the password matches; empty otherwise, without telling which
     */
    public Optional<User> authenticate(String name, String password) {
        Account account = byName.get(name);
        byte[] given = password.getBytes(StandardCharsets.UTF_8);
        if (account == null) {
            // Compare anyway so an unknown name takes as long as a wrong password.
            MessageDigest.isEqual(given, given);
            return Optional.empty();
        }
        return MessageDigest.isEqual(account.password(), given) ? Optional.of(account.user()) : Optional.empty();
    }

    /** @return the user whose id (the tokens' {@code sub}) is given, if there is one */
    public Optional<User> findById(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
