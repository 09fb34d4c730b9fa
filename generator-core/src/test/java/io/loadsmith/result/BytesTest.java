package io.loadsmith.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The word-at-a-time search finds exactly what a byte-by-byte loop finds, wherever the bytes are. */
class BytesTest {
    @Test
    void findsWhatAPlainLoopFinds() {
        SplittableRandom random = new SplittableRandom(7);
        byte[] alphabet = {',', '\n', '"', 'a', (byte) 0xC3, (byte) 0x80, 0, 127, (byte) 0xFF, '\r'};
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int limit = from + (bytes.length == from ? 0 : random.nextInt(bytes.length - from + 1));
            assertEquals(plain(bytes, from, limit, ',', ','), Bytes.next(bytes, from, limit, ','));
            assertEquals(plain(bytes, from, limit, ',', '\n'), Bytes.next(bytes, from, limit, ',', '\n'));
            assertEquals(plain(bytes, from, limit, 0xFF, '"'), Bytes.next(bytes, from, limit, 0xFF, '"'));
        }
    }

    @Test
    void zeroBytesMarksExactlyTheZeroBytes() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 100_000; round++) {
            long word = 0;
            long expected = 0;
            for (int i = 0; i < 8; i++) {
                int b = random.nextInt(3) == 0 ? 0 : random.nextInt(256);
                word |= (long) b << (8 * i);
                if (b == 0) {
                    expected |= 0x80L << (8 * i);
                }
            }
            assertEquals(expected, Bytes.zeroBytes(word), Long.toHexString(word));
        }
    }

    private static int plain(byte[] bytes, int from, int limit, int a, int b) {
        for (int i = from; i < limit; i++) {
            if (bytes[i] == (byte) a || bytes[i] == (byte) b) {
                return i;
            }
        }
        return limit;
    }
}
