package io.github.jwtsigner.example;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserDirectoryTest {
    private final UserDirectory users = UserDirectory.demoUsers();

    @Test
    void authenticatesJohnWithBothRoles() {
        User john = users.authenticate("john", "doe").orElseThrow();

        assertEquals("john", john.name());
        assertEquals(List.of("role_a", "role_b"), john.roles());
    }

    @Test
    void authenticatesJaneWithOneRole() {
        assertEquals(List.of("role_a"), users.authenticate("jane", "secret").orElseThrow().roles());
    }

    @Test
    void authenticatesAdaAsTheOnlyAdmin() {
        assertEquals(List.of("role_a", "admin"), users.authenticate("ada", "lovelace").orElseThrow().roles());
        assertFalse(users.findById("1001").orElseThrow().roles().contains("admin"));
        assertFalse(users.findById("1002").orElseThrow().roles().contains("admin"));
    }

    @Test
    void refusesAWrongPassword() {
        assertTrue(users.authenticate("john", "secret").isEmpty());
    }

    @Test
    void refusesAnUnknownUser() {
        assertTrue(users.authenticate("mallory", "doe").isEmpty());
    }

    @Test
    void findsAUserByTheIdThatBecomesTheSubject() {
        User john = users.authenticate("john", "doe").orElseThrow();

        assertEquals(john, users.findById(john.id()).orElseThrow());
        assertTrue(users.findById("no-such-id").isEmpty());
    }

    @Test
    void toStringLeavesTheRolesOut() {
        assertEquals("User[id=1002, name=jane]", users.findById("1002").orElseThrow().toString());
    }
}
