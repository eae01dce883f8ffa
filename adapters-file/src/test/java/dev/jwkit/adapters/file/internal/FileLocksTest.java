package dev.jwkit.adapters.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jwkit.adapters.file.FileError;
import dev.jwkit.jose.JwkitException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLocksTest {

  @TempDir Path directory;

  @Test
  void acquire_manyThreads_neverOverlap() throws Exception {
    Path lockFile = directory.resolve("ring.lock");
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      futures.add(pool.submit(() -> {
        start.await();
        for (int j = 0; j < 50; j++) {
          try (FileLocks.Held held = FileLocks.acquire(lockFile, Duration.ofSeconds(30))) {
            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.yield();
            inside.decrementAndGet();
          }
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();

    assertThat(maxInside.get()).isEqualTo(1);
  }

  @Test
  void acquire_heldElsewhere_timesOutWithItsCode() throws Exception {
    Path lockFile = directory.resolve("ring.lock");
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      try (FileLocks.Held lock = FileLocks.acquire(lockFile, Duration.ofSeconds(5))) {
        held.countDown();
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    holder.start();
    held.await();
    try {
      assertThatThrownBy(() -> FileLocks.acquire(lockFile, Duration.ofMillis(50)))
          .isInstanceOfSatisfying(JwkitException.class, e -> assertThat(e.code()).isEqualTo(FileError.LOCK_TIMEOUT));
    } finally {
      release.countDown();
      holder.join();
    }
    try (FileLocks.Held again = FileLocks.acquire(lockFile, Duration.ofSeconds(5))) {
      assertThat(again).isNotNull();
    }
  }
}
