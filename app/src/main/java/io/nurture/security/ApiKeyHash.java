package io.nurture.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Nurture never stores an API key, only its SHA-256. Keys are 256 random bits, so a fast hash is
 * as safe as a slow one here and costs microseconds per request instead of a bcrypt round.
 */
public final class ApiKeyHash {

    private ApiKeyHash() {}

    public static String of(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
