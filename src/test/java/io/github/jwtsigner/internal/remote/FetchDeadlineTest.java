package io.github.jwtsigner.internal.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class FetchDeadlineTest {
    @Test
    void closesWhatIsRegisteredAtTheDeadlineTheLastOneFirst() throws InterruptedException {
        List<String> closed = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        try (FetchDeadline deadline = FetchDeadline.start(Duration.ofMillis(200))) {
            deadline.closeAtDeadline(() -> {
                closed.add("connection");
                both.countDown();
            });
            deadline.closeAtDeadline(() -> {
                closed.add("socket");
                both.countDown();
            });
            assertFalse(deadline.passed());
            assertEquals(List.of(), closed);
            assertTrue(both.await(5, TimeUnit.SECONDS));
            assertTrue(deadline.passed());
            assertEquals(List.of("socket", "connection"), closed);
        }
    }

    @Test
    void closesAtOnceWhatIsRegisteredAfterTheDeadline() throws InterruptedException {
        List<String> closed = new CopyOnWriteArrayList<>();
        CountDownLatch first = new CountDownLatch(1);
        try (FetchDeadline deadline = FetchDeadline.start(Duration.ofMillis(1))) {
            deadline.closeAtDeadline(first::countDown);
            assertTrue(first.await(5, TimeUnit.SECONDS));
            deadline.closeAtDeadline(() -> closed.add("retried socket"));
            assertEquals(List.of("retried socket"), closed);
        }
    }

    @Test
    void closesNothingOnceTheFetchHasEnded() throws InterruptedException {
        List<String> closed = new CopyOnWriteArrayList<>();
        FetchDeadline deadline = FetchDeadline.start(Duration.ofMillis(100));
        deadline.closeAtDeadline(() -> closed.add("connection"));
        deadline.close();
        Thread.sleep(300);
        assertEquals(List.of(), closed);
    }

    @Test
    void tellsTheTimeLeftNeverLessThanOneMillisecond() throws InterruptedException {
        try (FetchDeadline deadline = FetchDeadline.start(Duration.ofSeconds(30))) {
            assertTrue(deadline.remaining().compareTo(Duration.ofSeconds(29)) > 0, deadline.remaining()::toString);
            assertTrue(deadline.remaining().compareTo(Duration.ofSeconds(30)) <= 0, deadline.remaining()::toString);
            assertEquals(Duration.ofSeconds(30), deadline.timeout());
        }
        try (FetchDeadline deadline = FetchDeadline.start(Duration.ofMillis(1))) {
            Thread.sleep(20);
            assertEquals(Duration.ofMillis(1), deadline.remaining());
            assertTrue(deadline.passed());
        }
    }
}
