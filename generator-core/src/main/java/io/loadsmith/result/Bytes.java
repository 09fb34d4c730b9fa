package io.loadsmith.result;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finding the next of one or two byte values in a byte array eight bytes at a time (SWAR: the
 * classic "has a zero byte" test on a 64-bit word), for the parsers that read gigabytes.
 */
public final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {}

    /**
     * A mark on each zero byte of {@code x}. Bytes above a true zero may be marked too (a borrow),
     * never below it, so the lowest mark is always a true zero.
     */
    private static long zeros(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** The 64-bit word at {@code at}, little-endian: byte {@code at} in the lowest bits. */
    public static long word(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /** The byte {@code b} in every byte of a word. */
    public static long spread(int b) {
        return (b & 0xFFL) * ONES;
    }

    /** The high bit of each byte of {@code x} that is zero, and of no other: exact, unlike {@link #zeros}. */
    public static long zeroBytes(long x) {
        long low7 = 0x7F7F7F7F7F7F7F7FL;
        return ~(((x & low7) + low7) | x | low7);
    }

    /** The position of the first byte {@code a} at or after {@code from}, or {@code limit}. */
    public static int next(byte[] bytes, int from, int limit, char a) {
        long ma = (a & 0xFFL) * ONES;
        int pos = from;
        while (pos + 8 <= limit) {
            long hit = zeros((long) LONGS.get(bytes, pos) ^ ma);
            if (hit != 0) {
                return pos + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
            pos += 8;
        }
        while (pos < limit && bytes[pos] != (byte) a) {
            pos++;
        }
        return pos;
    }

    /** The position of the first byte {@code a} or {@code b} at or after {@code from}, or {@code limit}. */
    public static int next(byte[] bytes, int from, int limit, int a, int b) {
        long ma = (a & 0xFFL) * ONES;
        long mb = (b & 0xFFL) * ONES;
        int pos = from;
        while (pos + 8 <= limit) {
            long word = (long) LONGS.get(bytes, pos);
            long hit = zeros(word ^ ma) | zeros(word ^ mb);
            if (hit != 0) {
                return pos + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
            pos += 8;
        }
        while (pos < limit && bytes[pos] != (byte) a && bytes[pos] != (byte) b) {
            pos++;
        }
        return pos;
    }
}
