package io.nurture.persistence;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Assigned ids people type (coupon and referral codes): short, random, no 0/O or 1/I to confuse;
 * and tokens of links nobody types (192 random bits, URL-safe).
 */
public final class Codes {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Codes() {}

    public static String token() {
        byte[] bits = new byte[24];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    public static String random(String prefix, int length) {
        StringBuilder code = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
