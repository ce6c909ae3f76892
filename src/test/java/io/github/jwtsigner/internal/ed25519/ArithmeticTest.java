package io.github.jwtsigner.internal.ed25519;

import static io.github.jwtsigner.internal.ed25519.Ed25519SignerTest.ScalarReference.fromLittleEndian;
import static io.github.jwtsigner.internal.ed25519.Ed25519SignerTest.ScalarReference.toLittleEndian;
import static io.github.jwtsigner.internal.ed25519.Ed25519SignerTest.randomBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The field, scalar and point arithmetic, each against plain {@link BigInteger} arithmetic. */
class ArithmeticTest {
    private static final BigInteger P = Field25519.P;
    private static final BigInteger L = BaseTable.ORDER;
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);

    private static List<BigInteger> fieldValues() {
        SplittableRandom random = new SplittableRandom(1);
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                BigInteger.valueOf(19), P.subtract(BigInteger.ONE), P.subtract(BigInteger.TWO),
                BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(20)), BigInteger.ONE.shiftLeft(254),
                BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE), BaseTable.D, BaseTable.BASE_X));
        for (int i = 0; i < 300; i++) {
            values.add(new BigInteger(255, new java.util.Random(random.nextLong())).mod(P));
        }
        return values;
    }

    @Test
    void fieldMultiplySquareAndInvertMatchBigInteger() {
        List<BigInteger> values = fieldValues();
        for (int i = 0; i < values.size(); i++) {
            BigInteger a = values.get(i);
            BigInteger b = values.get((i * 7 + 3) % values.size());
            long[] fa = Field25519.fromBigInteger(a);
            long[] fb = Field25519.fromBigInteger(b);
            long[] h = Field25519.zero();

            Field25519.mul(h, fa, fb);
            assertEquals(a.multiply(b).mod(P), Field25519.toBigInteger(h), "mul " + a + " " + b);
            Field25519.square(h, fa);
            assertEquals(a.multiply(a).mod(P), Field25519.toBigInteger(h), "square " + a);
            Field25519.square2(h, fa);
            assertEquals(a.multiply(a).shiftLeft(1).mod(P), Field25519.toBigInteger(h), "square2 " + a);
            Field25519.invert(h, fa);
            BigInteger inverse = a.signum() == 0 ? BigInteger.ZERO : a.modInverse(P);
            assertEquals(inverse, Field25519.toBigInteger(h), "invert " + a);
        }
    }

    @Test
    void sumsAndDifferencesAreValidInputsToMultiply() {
        List<BigInteger> values = fieldValues();
        for (int i = 0; i + 3 < values.size(); i++) {
            BigInteger a = values.get(i);
            BigInteger b = values.get(i + 1);
            BigInteger c = values.get(i + 2);
            BigInteger d = values.get(i + 3);
            long[] sum = Field25519.zero();
            long[] difference = Field25519.zero();
            long[] h = Field25519.zero();
            Field25519.add(sum, Field25519.fromBigInteger(a), Field25519.fromBigInteger(b));
            Field25519.sub(difference, Field25519.fromBigInteger(c), Field25519.fromBigInteger(d));

            Field25519.mul(h, sum, difference);
            assertEquals(a.add(b).multiply(c.subtract(d)).mod(P), Field25519.toBigInteger(h));
            Field25519.square(h, sum);
            assertEquals(a.add(b).pow(2).mod(P), Field25519.toBigInteger(h));
            Field25519.neg(h, difference);
            Field25519.mul(h, h, Field25519.one());
            assertEquals(d.subtract(c).mod(P), Field25519.toBigInteger(h));
        }
    }

    @Test
    void toBytesReducesValuesJustAboveP() {
        // 2^255 - 19 .. 2^255 - 1 written as limbs without reduction: each must encode as value - p.
        for (int extra = 0; extra < 19; extra++) {
            long[] f = {(1L << 26) - 19 + extra, (1L << 25) - 1, (1L << 26) - 1, (1L << 25) - 1, (1L << 26) - 1,
                (1L << 25) - 1, (1L << 26) - 1, (1L << 25) - 1, (1L << 26) - 1, (1L << 25) - 1};
            assertEquals(BigInteger.valueOf(extra), Field25519.toBigInteger(f));
        }
    }

    @Test
    void cmovTakesTheOtherValueOnlyForOne() {
        long[] f = Field25519.fromBigInteger(BigInteger.valueOf(5));
        long[] g = Field25519.fromBigInteger(BigInteger.valueOf(9));

        Field25519.cmov(f, g, 0);
        assertEquals(BigInteger.valueOf(5), Field25519.toBigInteger(f));
        Field25519.cmov(f, g, 1);
        assertEquals(BigInteger.valueOf(9), Field25519.toBigInteger(f));
    }

    @Test
    void reduceMatchesBigIntegerModL() {
        SplittableRandom random = new SplittableRandom(2);
        List<BigInteger> values = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, L.subtract(BigInteger.ONE),
                L, L.add(BigInteger.ONE), L.shiftLeft(1).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(252),
                BigInteger.ONE.shiftLeft(512).subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(511)));
        for (int i = 0; i < 40; i++) {
            BigInteger multiple = L.multiply(new BigInteger(259, new java.util.Random(random.nextLong())));
            values.add(multiple);
            values.add(multiple.subtract(BigInteger.ONE));
            values.add(multiple.add(L.subtract(BigInteger.ONE)));
        }
        for (int i = 0; i < 2000; i++) {
            values.add(fromLittleEndian(randomBytes(random, 64)));
        }
        for (BigInteger v : values) {
            if (v.bitLength() > 512) {
                continue;
            }
            assertEquals(v.mod(L), fromLittleEndian(Scalar25519.reduce(toLittleEndian(v, 64))), "reduce " + v);
        }
    }

    @Test
    void mulAddMatchesBigInteger() {
        SplittableRandom random = new SplittableRandom(3);
        BigInteger max = TWO_256.subtract(BigInteger.ONE);
        List<BigInteger[]> cases = new ArrayList<>(List.of(
                new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO},
                new BigInteger[] {max, max, max},
                new BigInteger[] {L.subtract(BigInteger.ONE), L.subtract(BigInteger.ONE), L.subtract(BigInteger.ONE)},
                new BigInteger[] {L, BigInteger.ONE, BigInteger.ZERO},
                new BigInteger[] {BigInteger.ONE, BigInteger.ZERO, L.subtract(BigInteger.ONE)}));
        for (int i = 0; i < 2000; i++) {
            cases.add(new BigInteger[] {fromLittleEndian(randomBytes(random, 32)),
                fromLittleEndian(randomBytes(random, 32)), fromLittleEndian(randomBytes(random, 32))});
        }
        for (BigInteger[] c : cases) {
            BigInteger expected = c[0].multiply(c[1]).add(c[2]).mod(L);
            byte[] actual = Scalar25519.mulAdd(toLittleEndian(c[0], 32), toLittleEndian(c[1], 32),
                    toLittleEndian(c[2], 32));
            assertEquals(expected, fromLittleEndian(actual), "mulAdd " + c[0] + " " + c[1] + " " + c[2]);
        }
    }

    @Test
    void constantsAreThoseOfRfc8032() {
        assertEquals(new BigInteger("37095705934669439343138083508754565189542113879843219016388785533085940283555"),
                BaseTable.D);
        assertEquals(new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202"),
                BaseTable.BASE_X);
        assertEquals(new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960"),
                BaseTable.BASE_Y);
        assertEquals("5866666666666666666666666666666666666666666666666666666666666666",
                HexFormat.of().formatHex(new EdwardsPoint.Multiplier().multiplyBase(toLittleEndian(BigInteger.ONE, 32))
                        .encode()));
    }

    @Test
    void baseMultiplicationMatchesDoubleAndAddOnAffinePoints() {
        SplittableRandom random = new SplittableRandom(4);
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                BigInteger.valueOf(8), BigInteger.valueOf(9), BigInteger.valueOf(255), BigInteger.valueOf(256),
                L.subtract(BigInteger.ONE), L, L.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(254),
                BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE),
                // digits of 8 and -8 after recoding: 0x88...8 and 0x77...7
                new BigInteger("8".repeat(63), 16), new BigInteger("7".repeat(63), 16)));
        for (int i = 0; i < 60; i++) {
            scalars.add(new BigInteger(255, new java.util.Random(random.nextLong())));
        }
        for (BigInteger k : scalars) {
            BigInteger[] expected = multiply(k);
            byte[] encoded = new EdwardsPoint.Multiplier().multiplyBase(toLittleEndian(k, 32)).encode();
            byte[] expectedEncoding = toLittleEndian(expected[1], 32);
            expectedEncoding[31] |= (byte) (expected[0].testBit(0) ? 0x80 : 0);
            assertEquals(HexFormat.of().formatHex(expectedEncoding), HexFormat.of().formatHex(encoded), "k = " + k);
        }
    }

    private static BigInteger[] multiply(BigInteger k) {
        BigInteger[] result = {BigInteger.ZERO, BigInteger.ONE};
        BigInteger[] addend = {BaseTable.BASE_X, BaseTable.BASE_Y};
        for (int bit = 0; bit < k.bitLength(); bit++) {
            if (k.testBit(bit)) {
                result = BaseTable.add(result, addend);
            }
            addend = BaseTable.add(addend, addend);
        }
        return result;
    }
}
