package it.dev.portcullis.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: a fixed number of workers, each sending its next request as soon as the last one is answered,
 * for a fixed time. Warm-up runs in rounds until the rate stops climbing, because on a 2-core machine the server's
 * JIT compiles its long hot path (TLS, HTTP, security, JAX-RS, JPA, the signature) only as fast as the load leaves
 * it CPU: here the token endpoint took minutes of load to reach its plateau, at several times the rate of its first
 * 20,000 requests, so a fixed request count measured the compiler as much as the server.
 */
final class SteadyLoad {

    /** One worker: its own connection or client, and what it does per request. */
    interface Worker extends AutoCloseable {
        /** Sends request number {@code n} of this worker; false if the answer was not the expected one. */
        boolean request(long n) throws Exception;

        @Override
        default void close() throws Exception {}
    }

    /** Makes the worker with the given index. */
    interface Workers {
        Worker open(int index) throws Exception;
    }

    /** A measurement: requests answered as expected, and the rate. */
    record Rate(long ok, long wrong, double seconds) {
        double perSecond() {
            return ok / seconds;
        }
    }

    /** Warm-up ends when the last {@value #WINDOW} rounds average within 5% of the {@value #WINDOW} before them. */
    private static final double STABLE_WITHIN = 0.05;

    private static final int WINDOW = 3;

    private final int threads;
    private final Workers workers;

    SteadyLoad(int threads, Workers workers) {
        this.threads = threads;
        this.workers = workers;
    }

    /**
     * Rounds of {@code round} for at least {@code min}, then until the rate has stopped climbing (single rounds are
     * too noisy on a shared machine to compare), or until {@code max}. Returns every round, to be reported.
     */
    List<Rate> warmUp(Duration round, Duration min, Duration max) throws Exception {
        List<Rate> rounds = new ArrayList<>();
        long start = System.nanoTime();
        while (true) {
            rounds.add(run(round));
            Duration spent = Duration.ofNanos(System.nanoTime() - start);
            if ((spent.compareTo(min) >= 0 && levelledOff(rounds)) || spent.compareTo(max) >= 0) {
                return rounds;
            }
        }
    }

    private static boolean levelledOff(List<Rate> rounds) {
        int size = rounds.size();
        if (size < 2 * WINDOW) {
            return false;
        }
        double last = mean(rounds.subList(size - WINDOW, size));
        double before = mean(rounds.subList(size - 2 * WINDOW, size - WINDOW));
        return Math.abs(last - before) < STABLE_WITHIN * last;
    }

    private static double mean(List<Rate> rounds) {
        return rounds.stream().mapToDouble(Rate::perSecond).average().orElse(0);
    }

    Rate run(Duration duration) throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Worker> opened = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            opened.add(workers.open(i));
        }
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Future<?>> running = new ArrayList<>();
        for (Worker worker : opened) {
            running.add(pool.submit(() -> {
                for (long n = 0; System.nanoTime() < end; n++) {
                    (worker.request(n) ? ok : wrong).incrementAndGet();
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : running) {
                worker.get(duration.toMillis() + 60_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
            for (Worker worker : opened) {
                worker.close();
            }
        }
        return new Rate(ok.get(), wrong.get(), (System.nanoTime() - start) / 1e9);
    }
}
