package org.wasmtruffle.tests;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder under {@code target/} that a guest may modify: private copies of the shared test material
 * (which is read-only and must stay unchanged), and the clean-up the WASI test suite asks for.
 */
final class ScratchFolder {
    private ScratchFolder() {
    }

    /**
     * Copies the tree {@code from} to {@code to} (symbolic links as links), and makes the copy writable by
     * its owner: the shared material's read-only modes must not make the guest's writes fail.
     */
    static void copyWritable(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                addOwnerWrite(target, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(file));
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    addOwnerWrite(target, false);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void addOwnerWrite(Path path, boolean directory) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(path));
        permissions.add(PosixFilePermission.OWNER_READ);
        permissions.add(PosixFilePermission.OWNER_WRITE);
        if (directory) {
            permissions.add(PosixFilePermission.OWNER_EXECUTE);
        }
        Files.setPosixFilePermissions(path, permissions);
    }

    /** Deletes {@code path} and everything under it, if it exists; read-only folders are made writable first. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    addOwnerWrite(p, true);
                }
                Files.delete(p);
            }
        }
    }

    /** Removes the files and folders named {@code *.cleanup} under {@code root}, as the WASI test suite requires. */
    static void deleteCleanupFiles(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.filter(p -> p.getFileName().toString().endsWith(".cleanup")).toList()) {
                deleteRecursively(p);
            }
        }
    }
}
