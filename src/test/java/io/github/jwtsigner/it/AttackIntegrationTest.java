package io.github.jwtsigner.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The attack webapp deployed once per test class on every selected container, and stopped after it. Test
 * classes run one after another, so the one field serves each in turn.
 */
abstract class AttackIntegrationTest {
    @TempDir
    static Path temp;
    static AttackDeployments deployments;

    @BeforeAll
    static void deploy() {
        deployments = new AttackDeployments(temp);
    }

    @AfterAll
    static void stop() throws Exception {
        deployments.stop();
    }
}
