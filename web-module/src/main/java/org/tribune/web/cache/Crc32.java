package org.tribune.web.cache;

/**
 * The CRC-32 of a concatenation from the CRCs of its pieces, as zlib's {@code crc32_combine} does
 * (polynomial arithmetic modulo the CRC polynomial, reflected). A cached page is compressed once in
 * pieces, around the per-visitor form token; its gzip trailer needs the CRC of the whole text,
 * which this gives in microseconds without reading the text again.
 */
final class Crc32 {
  /** The CRC-32 polynomial, reflected. */
  private static final int POLY = 0xedb88320;

  /** x^(2^n) modulo the polynomial, for n = 0…31. */
  private static final int[] X2N = new int[32];

  static {
    int p = 1 << 30; // x^1
    X2N[0] = p;
    for (int n = 1; n < 32; n++) {
      p = multiply(p, p);
      X2N[n] = p;
    }
  }

  private Crc32() {}

  /** The CRC of A followed by B, given the CRC of A, the CRC of B and the length of B. */
  static int combine(int crcA, int crcB, long lengthB) {
    return multiply(shift(lengthB), crcA) ^ crcB;
  }

  /**
   * x^(8n) modulo the polynomial: multiplying the linear part of a CRC by it appends n zero bytes
   * to the message.
   */
  static int shift(long bytes) {
    return powerOfX(bytes, 3);
  }

  /** a times b modulo the polynomial (both reflected); a must not be 0. */
  static int multiply(int a, int b) {
    int m = 1 << 31;
    int p = 0;
    while (true) {
      if ((a & m) != 0) {
        p ^= b;
        if ((a & (m - 1)) == 0) {
          break;
        }
      }
      m >>>= 1;
      b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
    }
    return p;
  }

  /** x^(n * 2^k) modulo the polynomial: with k = 3, the shift of n bytes. */
  private static int powerOfX(long n, int k) {
    int p = 1 << 31; // x^0
    while (n != 0) {
      if ((n & 1) != 0) {
        p = multiply(X2N[k & 31], p);
      }
      n >>>= 1;
      k++;
    }
    return p;
  }
}
