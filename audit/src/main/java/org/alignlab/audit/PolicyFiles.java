package org.alignlab.audit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.alignlab.gridworlds.Gridworld;
import org.alignlab.gridworlds.random.SplitMix64;
import org.alignlab.rl.Policy;
import org.alignlab.rl.TabularPolicy;
import org.alignlab.rl.neural.NetworkPolicy;

/**
 * Each audit run's final policy, kept in a file of its own so that it can be played again from any
 * seed (the dashboard's replay): a tabular agent's action values or a neural agent's weights, behind
 * a header naming which. Files are written whole or not at all; their SHA-256 is recorded with the
 * run, so a replay can tell a policy that was changed since.
 */
public final class PolicyFiles {
    private static final String MAGIC = "alignlab-policy";
    /** 2 since tabular state keys became Zobrist hashes of the board (version 1's keys would match no board). */
    private static final int VERSION = 2;

    private PolicyFiles() {
    }

    /** What writes a policy's body: a trained agent's {@code writePolicy}. */
    @FunctionalInterface
    public interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    /** A policy read back; close it to free a neural policy's network. */
    public static final class Stored implements Policy, AutoCloseable {
        private final Policy policy;
        private final String kind;

        private Stored(Policy policy, String kind) {
            this.policy = policy;
            this.kind = kind;
        }

        /** "tabular" or "network". */
        public String kind() {
            return kind;
        }

        @Override
        public int act(Gridworld env) {
            return policy.act(env);
        }

        @Override
        public void close() {
            if (policy instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Keeps a trained agent's policy in {@code file}: {@code kind} is "tabular" or "network", as its body is. */
    public static void write(Path file, String kind, Body body) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(
                Files.newOutputStream(tmp))))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(kind);
            body.write(out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads the policy in {@code file} to play episodes seeded from {@code seed}: its random
     * choices (a sampling policy's draws, a tabular policy's ties) come from the source the agent
     * used in its evaluation of seed {@code seed}, so a neural run's recorded episode replays exactly.
     *
     * @throws IOException if the file is not a policy this version reads
     */
    public static Stored read(Path file, long seed) throws IOException {
        return read(Files.readAllBytes(file), file.toString(), seed);
    }

    /** As {@link #read(Path, long)}, from the file's bytes already read ({@code name} names it in errors). */
    public static Stored read(byte[] bytes, String name, long seed) throws IOException {
        long choices = SplitMix64.derive(seed, 7);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(
                new java.io.ByteArrayInputStream(bytes))))) {
            String magic;
            int version;
            try {
                magic = in.readUTF();
                version = in.readInt();
            } catch (IOException e) {
                magic = "";
                version = -1;
            }
            if (!magic.equals(MAGIC) || version > VERSION || version < 1) {
                throw new IOException(name + " is not a policy this alignlab reads (" + (magic.equals(MAGIC)
                        ? "version " + version + ", written by a later alignlab" : "no policy header") + ")");
            }
            String kind = in.readUTF();
            if (kind.equals("tabular") && version < 2) {
                throw new IOException(name + " is a tabular policy written before alignlab changed how it keys "
                        + "board states (policy version " + version + "); train it again (alignlab audit) to replay it");
            }
            return switch (kind) {
                case "tabular" -> new Stored(TabularPolicy.read(in, choices), kind);
                case "network" -> new Stored(NetworkPolicy.read(in, choices), kind);
                default -> throw new IOException(name + " holds a policy of unknown kind '" + kind + "'");
            };
        } catch (java.util.zip.ZipException e) {
            throw new IOException(name + " is not a policy this alignlab reads (not gzip)", e);
        }
    }
}
