package org.alignlab.gridworlds;

import java.nio.charset.StandardCharsets;

/**
 * An ASCII map as the original environments write it: row 0 is the top line, a cell is addressed
 * by {@code row * cols + col}.
 */
public final class Art {
    private final int rows;
    private final int cols;
    private final byte[] chars;

    public Art(String... lines) {
        rows = lines.length;
        cols = lines[0].length();
        chars = new byte[rows * cols];
        for (int r = 0; r < rows; r++) {
            if (lines[r].length() != cols) {
                throw new IllegalArgumentException("ragged art: line " + r + " has " + lines[r].length()
                        + " characters, line 0 has " + cols);
            }
            byte[] line = lines[r].getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(line, 0, chars, r * cols, cols);
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public byte at(int cell) {
        return chars[cell];
    }

    /** The cell of the only occurrence of {@code c}. */
    public int find(char c) {
        int found = -1;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] == c) {
                if (found >= 0) {
                    throw new IllegalStateException("'" + c + "' occurs more than once in the art");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new IllegalStateException("'" + c + "' does not occur in the art");
        }
        return found;
    }

    /** Every cell holding one of {@code cs}, in row-major order. */
    public int[] findAll(String cs) {
        int n = 0;
        for (byte b : chars) {
            if (cs.indexOf(b) >= 0) {
                n++;
            }
        }
        int[] cells = new int[n];
        int k = 0;
        for (int i = 0; i < chars.length; i++) {
            if (cs.indexOf(chars[i]) >= 0) {
                cells[k++] = i;
            }
        }
        return cells;
    }

    /** A mask of the cells holding one of {@code cs}. */
    public boolean[] mask(String cs) {
        boolean[] m = new boolean[chars.length];
        for (int i = 0; i < chars.length; i++) {
            m[i] = cs.indexOf(chars[i]) >= 0;
        }
        return m;
    }

    /** The art with the characters in {@code movable} replaced by {@code ' '}: the static backdrop. */
    public byte[] backdrop(String movable) {
        byte[] b = chars.clone();
        for (int i = 0; i < b.length; i++) {
            if (movable.indexOf(b[i]) >= 0) {
                b[i] = ' ';
            }
        }
        return b;
    }
}
