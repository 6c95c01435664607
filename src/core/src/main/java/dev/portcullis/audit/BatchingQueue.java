package dev.portcullis.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * A bounded queue drained in batches by one task at a time on {@code executor}. {@link #offer} never blocks: when
 * the queue is full the item is dropped and counted; a batch the writer throws on is dropped and counted, and the
 * next batch is tried as usual. Plain Java, so the rules are unit-tested without a container.
 *
 * @param <T> what is queued
 */
final class BatchingQueue<T> {

    private final BlockingQueue<T> queue;
    private final Executor executor;
    private final Consumer<List<T>> writer;
    private final int batch;
    private final Runnable onDrop;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder written = new LongAdder();

    BatchingQueue(int capacity, int batch, Executor executor, Consumer<List<T>> writer, Runnable onDrop) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batch = batch;
        this.executor = Objects.requireNonNull(executor, "executor");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.onDrop = Objects.requireNonNull(onDrop, "onDrop");
    }

    /** Queues {@code item}; false (and counted as dropped) when the queue is full. */
    boolean offer(T item) {
        if (!queue.offer(item)) {
            dropped.increment();
            onDrop.run();
            return false;
        }
        scheduleDrain();
        return true;
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException | IllegalStateException e) {
                draining.set(false); // the next offer tries again
            }
        }
    }

    private void drain() {
        try {
            List<T> items = new ArrayList<>(batch);
            while (queue.drainTo(items, batch) > 0) {
                try {
                    writer.accept(items);
                    written.add(items.size());
                } catch (RuntimeException e) {
                    dropped.add(items.size());
                    onDrop.run();
                }
                items.clear();
            }
        } finally {
            draining.set(false);
        }
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }

    int depth() {
        return queue.size();
    }

    long dropped() {
        return dropped.sum();
    }

    long written() {
        return written.sum();
    }
}
