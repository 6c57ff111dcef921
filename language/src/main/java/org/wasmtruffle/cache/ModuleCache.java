package org.wasmtruffle.cache;

import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.TruffleLogger;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.StandardCopyOption;
import org.wasmtruffle.WasmLanguage;
import org.wasmtruffle.WasmOptions;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.validation.ModuleValidator;

/**
 * A persistent cache of validated modules in a directory ({@link WasmOptions#ModuleCacheDir}), shared by processes:
 * loading a module whose bytes were validated before, by the same implementation, takes the validation's results
 * (the function bodies' frame sizes) from the cache and skips validating the bodies: a body is then read only when
 * its function is first called (translation runs the validator's algorithm over it), and never if it is not. An
 * entry is found by its {@link ModuleKey}: a SHA-256 of the module and the build's {@link ImplementationFingerprint}.
 *
 * <p>The cache never changes what a module does: only modules that validated are stored; an entry counts only if
 * its module hash, length, implementation fingerprint, function counts and checksum all match (else it is ignored,
 * and rewritten after validation); entries are written to a temporary file and renamed into place, so a reader
 * never sees half an entry. Every file is reached through the context's file system with the context's
 * permissions: without IO access, or when the directory cannot be written, loading simply runs without the cache.
 * Problems with the cache are logged ({@code --log.wasm-truffle.level=FINE}), never reported to the guest or host.
 *
 * <p>Writing an entry removes the same module's entries written by other builds, which nothing would read again.
 *
 * <p>The directory must be writable by trusted users only, like any cache of compiled code: an entry is believed
 * without validating the module again.
 */
public final class ModuleCache {
    private static final TruffleLogger LOG = TruffleLogger.getLogger(WasmLanguage.ID, ModuleCache.class);

    private final TruffleLanguage.Env env;
    private final TruffleFile directory;
    private final byte[] implementation;

    private ModuleCache(TruffleLanguage.Env env, TruffleFile directory, byte[] implementation) {
        this.env = env;
        this.directory = directory;
        this.implementation = implementation;
    }

    /**
     * The cache that {@code env}'s options ask for, or {@code null} if there is none: the option is empty, the
     * context may not use files, or the implementation cannot be identified ({@link ImplementationFingerprint}).
     */
    public static ModuleCache open(TruffleLanguage.Env env) {
        String path = env.getOptions().get(WasmOptions.ModuleCacheDir);
        if (path.isEmpty()) {
            return null;
        }
        if (!env.isFileIOAllowed()) {
            LOG.fine(() -> "module cache " + path + " not used: the context has no file access");
            return null;
        }
        byte[] implementation = ImplementationFingerprint.get();
        if (implementation == null) {
            LOG.fine(() -> "module cache " + path + " not used: the implementation's class files cannot be identified");
            return null;
        }
        try {
            return new ModuleCache(env, env.getPublicTruffleFile(path), implementation);
        } catch (RuntimeException e) {
            // SecurityException, UnsupportedOperationException or IllegalArgumentException: not a usable path here.
            LOG.fine(() -> "module cache " + path + " not used: " + e);
            return null;
        }
    }

    /**
     * Validates {@code description}, decoded from {@code moduleBytes}, or takes the result from the cache if these
     * bytes validated before; a module that validates is remembered.
     *
     * @return what {@link ModuleValidator#validate} returns: the frame sizes of the defined functions
     * @throws org.wasmtruffle.ModuleLoadException as {@link ModuleValidator#validate} does
     */
    public int[] validate(byte[] moduleBytes, ModuleDescription description) {
        ModuleKey key = keyOf(moduleBytes, description);
        int[] frameSizes = load(key, description);
        if (frameSizes == null) {
            frameSizes = ModuleValidator.validate(description);
            store(key, description, frameSizes);
        }
        return frameSizes;
    }

    /** The key of a module: the SHA-256 of the bytes validation reads, for this implementation. */
    ModuleKey keyOf(byte[] moduleBytes, ModuleDescription description) {
        return ModuleKey.of(moduleBytes, description, implementation);
    }

    /**
     * The frame sizes of {@code description}'s defined functions, as {@code ModuleValidator.validate} found them
     * when the module with {@code key} validated, or {@code null} if the cache has no intact entry for it.
     */
    int[] load(ModuleKey key, ModuleDescription description) {
        String name = key.fileName();
        try {
            TruffleFile file = directory.resolve(name);
            if (!file.isRegularFile()) {
                LOG.fine(() -> "module cache miss: " + description.name() + " (" + name + ")");
                return null;
            }
            // The size first, so that a huge file in the entry's place is never read.
            int[] frameSizes = file.size() == CachedModuleFormat.entryLength(description) ? CachedModuleFormat.decode(file.readAllBytes(), key, description) : null;
            if (frameSizes == null) {
                LOG.fine(() -> "module cache entry " + name + " ignored: damaged or not for " + description.name());
            } else {
                LOG.fine(() -> "module cache hit: " + description.name() + " (" + name + ")");
            }
            return frameSizes;
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "module cache entry " + name + " not read: " + e);
            return null;
        }
    }

    /**
     * Remembers that {@code description}, whose bytes have {@code key}, validated with {@code frameSizes}. The
     * entry appears whole or not at all; if it cannot be written, nothing happens.
     */
    void store(ModuleKey key, ModuleDescription description, int[] frameSizes) {
        String name = key.fileName();
        TruffleFile temporary = null;
        try {
            byte[] entry = CachedModuleFormat.encode(key, description, frameSizes);
            directory.createDirectories();
            temporary = env.createTempFile(directory, ".tmp-", CachedModuleFormat.FILE_SUFFIX);
            try (OutputStream out = temporary.newOutputStream()) {
                out.write(entry);
            }
            temporary.move(directory.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            LOG.fine(() -> "module cache entry " + name + " written for " + description.name() + " (" + entry.length + " bytes)");
            removeOtherBuildsEntries(key);
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "module cache entry " + name + " not written: " + e);
        } finally {
            if (temporary != null) {
                try {
                    temporary.delete();
                } catch (IOException | RuntimeException e) {
                    // A stray temporary file costs a little space; nothing reads it.
                }
            }
        }
    }

    /**
     * Deletes the entries for the same module bytes written by other builds of wasm-truffle: no build but the one
     * that wrote an entry ever uses it, so without this every rebuild or upgrade would leave one more file per
     * module behind. (Entries of other modules stay: the cache holds one entry per module, the current build's.)
     */
    private void removeOtherBuildsEntries(ModuleKey key) {
        String prefix = key.moduleFilePrefix();
        String current = key.fileName();
        try {
            for (TruffleFile file : directory.list()) {
                String name = file.getName();
                if (name != null && name.startsWith(prefix) && name.endsWith(CachedModuleFormat.FILE_SUFFIX) && !name.equals(current)) {
                    file.delete();
                    LOG.fine(() -> "module cache entry " + name + " of another build removed");
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "module cache: entries of other builds not removed: " + e);
        }
    }
}
