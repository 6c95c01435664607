package dev.portcullis.mcp.outbound;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Tokens by key (the downstream, or the downstream and the caller), each reused until shortly before it expires
 * and fetched single-flight: while one caller fetches a key's token, the others for that key wait for its result
 * instead of sending their own request, so N concurrent callers cause one token request.
 */
final class TokenCache<K> {

    /** A bound for the per-caller cache: beyond it expired entries are swept, and if that is not enough, all. */
    static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<K, IssuedToken> tokens = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, CompletableFuture<IssuedToken>> inFlight = new ConcurrentHashMap<>();
    private final Duration refreshBefore;
    private final Clock clock;

    TokenCache(Duration refreshBefore, Clock clock) {
        this.refreshBefore = refreshBefore;
        this.clock = clock;
    }

    IssuedToken get(K key, Supplier<IssuedToken> fetch) {
        IssuedToken cached = fresh(key);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<IssuedToken> mine = new CompletableFuture<>();
        CompletableFuture<IssuedToken> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            // Another thread may have stored a token between our look-up and our claim of the flight.
            IssuedToken token = fresh(key);
            if (token == null) {
                token = fetch.get();
                store(key, token);
            }
            mine.complete(token);
            return token;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Forgets the token with this value (the downstream rejected it); other keys' tokens stay. */
    void drop(String value) {
        tokens.entrySet().removeIf(entry -> entry.getValue().value().equals(value));
    }

    int size() {
        return tokens.size();
    }

    private IssuedToken fresh(K key) {
        IssuedToken token = tokens.get(key);
        return token != null && token.freshAt(clock.instant(), refreshBefore) ? token : null;
    }

    private void store(K key, IssuedToken token) {
        if (tokens.size() >= MAX_ENTRIES) {
            tokens.entrySet().removeIf(entry -> !entry.getValue().freshAt(clock.instant(), Duration.ZERO));
            if (tokens.size() >= MAX_ENTRIES) {
                tokens.clear();
            }
        }
        tokens.put(key, token);
    }

    private static IssuedToken await(CompletableFuture<IssuedToken> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
