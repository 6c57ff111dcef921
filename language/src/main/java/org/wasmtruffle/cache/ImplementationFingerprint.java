package org.wasmtruffle.cache;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.wasmtruffle.WasmLanguage;

/**
 * A SHA-256 digest that identifies the wasm-truffle implementation that decoded and validated a cached module.
 * A cache entry records what validation concluded (the module is valid; its frame sizes), which stays true only
 * for the code that concluded it, and a version number does not change with every build. So the digest covers the
 * language's class files: in a jar, every {@code org/wasmtruffle/} class entry's name, size and CRC (from the
 * jar's directory, nothing is decompressed); in a class folder (tests, IDEs), the files' contents.
 *
 * <p>Where the class files cannot be found (a native image keeps none), there is no fingerprint, and no cache:
 * an entry from another build could otherwise be taken for this one's. A native image can have both by computing
 * the fingerprint while the image is built, from the jars it is built from: {@code
 * --initialize-at-build-time=org.wasmtruffle.cache.ImplementationFingerprint$Holder}.
 */
final class ImplementationFingerprint {
    private static final String PACKAGE_PATH = "org/wasmtruffle/";

    private ImplementationFingerprint() {
    }

    /** The fingerprint of the running implementation (computed once), or {@code null} if it cannot be known. */
    static byte[] get() {
        return Holder.FINGERPRINT == null ? null : Holder.FINGERPRINT.clone();
    }

    /** Lazily initialized, so that a context without a module cache never looks at the class files. */
    private static final class Holder {
        static final byte[] FINGERPRINT = compute();
    }

    private static byte[] compute() {
        try {
            CodeSource source = WasmLanguage.class.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null || !"file".equals(location.getProtocol())) {
                return null;
            }
            Path path = Path.of(location.toURI());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(WasmLanguage.VERSION.getBytes(StandardCharsets.UTF_8));
            boolean found = Files.isDirectory(path) ? digestFolder(path, digest) : digestJar(path, digest);
            return found ? digest.digest() : null;
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            return null;
        }
    }

    private static boolean digestJar(Path jar, MessageDigest digest) throws IOException {
        List<ZipEntry> classes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().startsWith(PACKAGE_PATH) && e.getName().endsWith(".class")) {
                    classes.add(e);
                }
            }
        }
        // Sorted, so that the order in which a build wrote the entries does not matter.
        classes.sort(Comparator.comparing(ZipEntry::getName));
        ByteBuffer sizeAndCrc = ByteBuffer.allocate(16);
        for (ZipEntry e : classes) {
            digest.update(e.getName().getBytes(StandardCharsets.UTF_8));
            digest.update(sizeAndCrc.clear().putLong(e.getSize()).putLong(e.getCrc()).array());
        }
        return !classes.isEmpty();
    }

    private static boolean digestFolder(Path root, MessageDigest digest) throws IOException {
        Path classes = root.resolve(PACKAGE_PATH);
        if (!Files.isDirectory(classes)) {
            return false;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : files) {
            digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(file));
        }
        return !files.isEmpty();
    }
}
