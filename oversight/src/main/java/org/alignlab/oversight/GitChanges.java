package org.alignlab.oversight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** The files changed between two revisions of a real git repository, read with JGit. */
public final class GitChanges implements AutoCloseable {
    private static final int MAX_TEXT = 2_000_000;

    private final Repository repository;

    private GitChanges(Repository repository) {
        this.repository = repository;
    }

    /**
     * Opens the repository at {@code dir} (its work tree or its .git folder).
     *
     * @throws IllegalArgumentException if {@code dir} is not a git repository
     */
    public static GitChanges open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not a folder");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
        if (builder.getGitDir() == null) {
            throw new IllegalArgumentException(dir + " is not a git repository (no .git found in it or above it)");
        }
        return new GitChanges(builder.setMustExist(true).build());
    }

    /**
     * Whether the work tree holds changes not yet committed (edited, added, deleted or untracked files) under the folder
     * {@code prefix}; false for a repository with no work tree.
     */
    public boolean uncommitted(String prefix) throws IOException {
        if (repository.isBare()) {
            return false;
        }
        try (org.eclipse.jgit.api.Git git = new org.eclipse.jgit.api.Git(repository)) {
            return !git.status().addPath(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix)
                    .call().isClean();
        } catch (org.eclipse.jgit.api.errors.GitAPIException e) {
            throw new IOException("could not read the work tree's status: " + e.getMessage(), e);
        }
    }

    /**
     * The changes from {@code base} to {@code head} (any revision git understands: a hash, a
     * branch, {@code HEAD~1}), renames detected.
     *
     * @throws IllegalArgumentException if a revision is unknown
     */
    public List<FileChange> between(String base, String head) throws IOException {
        RevCommit from = mergeBaseCommit(base, head);
        RevCommit to = commit(head);
        List<DiffEntry> entries;
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.setRecursive(true);
            walk.addTree(from.getTree());
            walk.addTree(to.getTree());
            RenameDetector renames = new RenameDetector(repository);
            renames.addAll(DiffEntry.scan(walk));
            entries = renames.compute();
        }
        List<FileChange> out = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader()) {
            for (DiffEntry e : entries) {
                FileChange.Kind kind = switch (e.getChangeType()) {
                    case ADD -> FileChange.Kind.ADDED;
                    case DELETE -> FileChange.Kind.DELETED;
                    case RENAME -> FileChange.Kind.RENAMED;
                    default -> FileChange.Kind.MODIFIED;
                };
                if (e.getChangeType() == DiffEntry.ChangeType.COPY) {
                    kind = FileChange.Kind.ADDED;
                }
                String oldText = kind == FileChange.Kind.ADDED ? null : text(reader, e.getOldId().toObjectId());
                String newText = kind == FileChange.Kind.DELETED ? null : text(reader, e.getNewId().toObjectId());
                out.add(new FileChange(kind, kind == FileChange.Kind.DELETED ? null : e.getNewPath(),
                        kind == FileChange.Kind.ADDED ? null : e.getOldPath(), oldText, newText));
            }
        }
        return out;
    }

    /** The texts of the files at {@code revision} whose paths pass {@code which}, by path. */
    public Map<String, String> filesAt(String revision, Predicate<String> which) throws IOException {
        RevCommit at = commit(revision);
        Map<String, String> out = new LinkedHashMap<>();
        try (TreeWalk walk = new TreeWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            walk.setRecursive(true);
            walk.addTree(at.getTree());
            while (walk.next()) {
                if (which.test(walk.getPathString())) {
                    String text = text(reader, walk.getObjectId(0));
                    if (text != null) {
                        out.put(walk.getPathString(), text);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The main sources at {@code revision} (path to text; {@link FileChange#isMainSource}), read when first asked for,
     * while this stays open: what a test reaches through files a change does not touch is asked for only by some test
     * edits.
     */
    public java.util.function.Supplier<Map<String, String>> mainSourcesAt(String revision) {
        return () -> {
            try {
                return filesAt(revision, FileChange::isMainSource);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not read the main sources at " + revision + ": "
                        + e.getMessage(), e);
            }
        };
    }

    /** The text of one file at {@code revision}, or null when it is absent there, binary, too large or missing. */
    public String fileAt(String revision, String path) throws IOException {
        RevCommit at = commit(revision);
        try (ObjectReader reader = repository.newObjectReader();
             TreeWalk walk = TreeWalk.forPath(reader, path, at.getTree())) {
            return walk == null ? null : text(reader, walk.getObjectId(0));
        }
    }

    /**
     * Where the change starts: the last commit {@code base} and {@code head} share, so that work
     * done on the base branch after the head's branch forked (a pull request's base moving on) is
     * not read as the change undoing it. It is {@code base} itself when {@code head} descends from it.
     * Returns its hash.
     */
    public String mergeBase(String base, String head) throws IOException {
        return mergeBaseCommit(base, head).getName();
    }

    private RevCommit mergeBaseCommit(String base, String head) throws IOException {
        RevCommit a = commit(base);
        RevCommit b = commit(head);
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(org.eclipse.jgit.revwalk.filter.RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            RevCommit shared = walk.next();
            return shared == null ? a : walk.parseCommit(shared);
        }
    }

    /** A commit of the history: its hash, its first parent's hash and its whole message. */
    public record Commit(String hash, String parent, String message) {
    }

    /**
     * The last {@code max} commits reachable from {@code head} that have exactly one parent (a
     * merge's change has no single base), newest first.
     */
    public List<Commit> history(String head, int max) throws IOException {
        List<Commit> out = new java.util.ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(commit(head)));
            for (RevCommit c : walk) {
                if (out.size() >= max) {
                    break;
                }
                if (c.getParentCount() == 1) {
                    out.add(new Commit(c.getName(), c.getParent(0).getName(), c.getFullMessage()));
                }
            }
        }
        return out;
    }

    /** The full hash of a revision, for the report. */
    public String resolve(String revision) throws IOException {
        return commit(revision).getName();
    }

    private RevCommit commit(String revision) throws IOException {
        ObjectId id;
        try {
            id = repository.resolve(revision);
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
            id = null;
        }
        if (id == null) {
            throw new IllegalArgumentException("unknown revision '" + revision + "' in " + repository.getDirectory()
                    + " (a commit hash, a branch or tag, or HEAD~N)");
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            throw new IllegalArgumentException("revision '" + revision + "' is not a commit");
        }
    }

    /**
     * The blob as UTF-8 text, or null when it is binary (a NUL byte), too large to judge, or missing from the
     * repository (a partial or damaged clone: the file is then listed as not examined, and the rest still judged).
     */
    private static String text(ObjectReader reader, ObjectId id) throws IOException {
        org.eclipse.jgit.lib.ObjectLoader loader;
        try {
            loader = reader.open(id);
        } catch (org.eclipse.jgit.errors.MissingObjectException e) {
            return null;
        }
        if (loader.getSize() > MAX_TEXT) {
            return null;
        }
        byte[] bytes = loader.getBytes();
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        repository.close();
    }
}
