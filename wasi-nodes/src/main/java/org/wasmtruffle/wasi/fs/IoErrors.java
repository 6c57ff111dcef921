package org.wasmtruffle.wasi.fs;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import org.wasmtruffle.wasi.Errno;
import org.wasmtruffle.wasi.WasiError;

/**
 * Translates the host's file-system failures into WASI errnos. The JDK reports most POSIX errors as a
 * {@link FileSystemException} whose reason is the C library's message, so those are matched by text.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** The errno for {@code e}. */
    public static int errno(Throwable e) {
        if (e instanceof NoSuchFileException) {
            return Errno.NOENT;
        } else if (e instanceof FileAlreadyExistsException) {
            return Errno.EXIST;
        } else if (e instanceof DirectoryNotEmptyException) {
            return Errno.NOTEMPTY;
        } else if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return Errno.ACCES;
        } else if (e instanceof NotDirectoryException) {
            return Errno.NOTDIR;
        } else if (e instanceof NotLinkException) {
            return Errno.INVAL;
        } else if (e instanceof FileSystemLoopException) {
            return Errno.LOOP;
        } else if (e instanceof NonReadableChannelException || e instanceof NonWritableChannelException || e instanceof ClosedChannelException) {
            return Errno.BADF;
        } else if (e instanceof UnsupportedOperationException) {
            return Errno.NOTSUP;
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return byReason(fse.getReason());
        } else if (e instanceof IOException && e.getMessage() != null) {
            return byReason(e.getMessage());
        }
        return Errno.IO;
    }

    /** A {@link WasiError} for {@code e}. */
    public static WasiError error(Throwable e) {
        return new WasiError(errno(e));
    }

    private static int byReason(String reason) {
        String r = reason.toLowerCase(java.util.Locale.ROOT);
        if (r.contains("not a directory")) {
            return Errno.NOTDIR;
        } else if (r.contains("is a directory")) {
            return Errno.ISDIR;
        } else if (r.contains("directory not empty")) {
            return Errno.NOTEMPTY;
        } else if (r.contains("too many levels of symbolic links")) {
            return Errno.LOOP;
        } else if (r.contains("file exists")) {
            return Errno.EXIST;
        } else if (r.contains("no such file")) {
            return Errno.NOENT;
        } else if (r.contains("permission denied")) {
            return Errno.ACCES;
        } else if (r.contains("operation not permitted")) {
            return Errno.PERM;
        } else if (r.contains("invalid argument")) {
            return Errno.INVAL;
        } else if (r.contains("read-only file system")) {
            return Errno.ROFS;
        } else if (r.contains("cross-device")) {
            return Errno.XDEV;
        } else if (r.contains("no space left")) {
            return Errno.NOSPC;
        } else if (r.contains("file name too long")) {
            return Errno.NAMETOOLONG;
        } else if (r.contains("file too large")) {
            return Errno.FBIG;
        } else if (r.contains("too many links")) {
            return Errno.MLINK;
        } else if (r.contains("busy")) {
            return Errno.BUSY;
        } else if (r.contains("broken pipe")) {
            return Errno.PIPE;
        } else if (r.contains("connection reset")) {
            return Errno.CONNRESET;
        } else if (r.contains("not connected")) {
            return Errno.NOTCONN;
        }
        return Errno.IO;
    }
}
