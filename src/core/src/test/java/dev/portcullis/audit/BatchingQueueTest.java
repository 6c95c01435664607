package dev.portcullis.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchingQueueTest {

    private final List<Runnable> pending = new ArrayList<>();
    private final List<List<Integer>> batches = new ArrayList<>();
    private final AtomicInteger drops = new AtomicInteger();

    @Test
    void offerWhenQueueFullThenDroppedAndCountedWithoutBlocking() {
        BatchingQueue<Integer> queue = new BatchingQueue<>(
                3, 10, pending::add, items -> batches.add(List.copyOf(items)), drops::incrementAndGet);

        for (int i = 0; i < 5; i++) {
            queue.offer(i); // the executor has not run yet: the writer is "slow"
        }

        assertThat(queue.depth()).isEqualTo(3);
        assertThat(queue.dropped()).isEqualTo(2);
        assertThat(drops).hasValue(2);
        assertThat(pending).as("one drain task at a time").hasSize(1);
        pending.remove(0).run();
        assertThat(batches).containsExactly(List.of(0, 1, 2));
        assertThat(queue.written()).isEqualTo(3);
        assertThat(queue.depth()).isZero();
    }

    @Test
    void drainWhenWriterFailsThenBatchDroppedAndCountedAndNextBatchWritten() {
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        BatchingQueue<Integer> queue = new BatchingQueue<>(
                100,
                2,
                pending::add,
                items -> {
                    if (databaseDown.get()) {
                        throw new IllegalStateException("database down");
                    }
                    batches.add(List.copyOf(items));
                },
                drops::incrementAndGet);

        queue.offer(1);
        queue.offer(2);
        queue.offer(3);
        pending.remove(0).run();
        assertThat(queue.dropped()).isEqualTo(3);
        assertThat(queue.written()).isZero();

        databaseDown.set(false);
        queue.offer(4);
        pending.remove(0).run();
        assertThat(batches).containsExactly(List.of(4));
        assertThat(queue.written()).isEqualTo(1);
        assertThat(queue.dropped()).isEqualTo(3);
    }
}
