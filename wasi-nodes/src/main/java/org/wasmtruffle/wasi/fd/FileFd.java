package org.wasmtruffle.wasi.fd;

import com.oracle.truffle.api.TruffleFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.LinkOption;
import org.wasmtruffle.wasi.Errno;
import org.wasmtruffle.wasi.WasiConstants;
import org.wasmtruffle.wasi.WasiError;
import org.wasmtruffle.wasi.fs.FileStat;

/**
 * A regular file opened by {@code path_open}: a byte channel of the embedder's file system (through
 * {@link TruffleFile}) and the host file it came from, for the status operations. {@code fdflags.append}
 * is implemented here (each write goes to the end) because Java channels cannot both read and append.
 */
public final class FileFd extends FileDescriptor {
    private final TruffleFile file;
    /** {@code null} if the file was opened with neither read nor write rights (stat and times only). */
    private final SeekableByteChannel channel;

    public FileFd(TruffleFile file, SeekableByteChannel channel, long rightsBase, long rightsInheriting, int fdflags) {
        super(rightsBase, rightsInheriting, fdflags);
        this.file = file;
        this.channel = channel;
    }

    @Override
    public int fileType() {
        return WasiConstants.FILETYPE_REGULAR_FILE;
    }

    private SeekableByteChannel channel() {
        if (channel == null) {
            throw new WasiError(Errno.BADF);
        }
        return channel;
    }

    @Override
    public int read(byte[] buffer, int length) throws IOException {
        int n = channel().read(ByteBuffer.wrap(buffer, 0, length));
        return Math.max(n, 0);
    }

    @Override
    public int write(byte[] data) throws IOException {
        SeekableByteChannel ch = channel();
        if (isAppend()) {
            ch.position(ch.size());
        }
        return writeFully(ch, data);
    }

    private static int writeFully(SeekableByteChannel ch, byte[] data) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
            ch.write(buffer);
        }
        return data.length;
    }

    @Override
    public int pread(byte[] buffer, int length, long offset) throws IOException {
        SeekableByteChannel ch = channel();
        if (ch instanceof FileChannel fc) {
            return Math.max(fc.read(ByteBuffer.wrap(buffer, 0, length), offset), 0);
        }
        long saved = ch.position();
        try {
            ch.position(offset);
            return Math.max(ch.read(ByteBuffer.wrap(buffer, 0, length)), 0);
        } finally {
            ch.position(saved);
        }
    }

    @Override
    public int pwrite(byte[] data, long offset) throws IOException {
        SeekableByteChannel ch = channel();
        long saved = ch.position();
        try {
            // Like POSIX pwrite on an O_APPEND file, the data goes to the end whatever the offset.
            ch.position(isAppend() ? ch.size() : offset);
            return writeFully(ch, data);
        } finally {
            ch.position(saved);
        }
    }

    @Override
    public long seek(long offset, int whence) throws IOException {
        SeekableByteChannel ch = channel();
        long base;
        switch (whence) {
            case WasiConstants.WHENCE_SET:
                base = 0;
                break;
            case WasiConstants.WHENCE_CUR:
                base = ch.position();
                break;
            case WasiConstants.WHENCE_END:
                base = ch.size();
                break;
            default:
                throw new WasiError(Errno.INVAL);
        }
        long target = base + offset;
        if (target < 0 || (offset > 0 && target < base)) {
            throw new WasiError(Errno.INVAL);
        }
        ch.position(target);
        return target;
    }

    @Override
    public FileStat stat() throws IOException {
        return FileStat.of(file);
    }

    @Override
    public void setSize(long size) throws IOException {
        SeekableByteChannel ch = channel();
        if (size < 0) {
            throw new WasiError(Errno.INVAL);
        }
        long current = ch.size();
        if (size < current) {
            ch.truncate(size);
        } else if (size > current) {
            extendTo(ch, size);
        }
    }

    /** Grows the file with zeros without moving the file position. */
    private static void extendTo(SeekableByteChannel ch, long size) throws IOException {
        long saved = ch.position();
        try {
            ch.position(size - 1);
            ch.write(ByteBuffer.wrap(new byte[1]));
        } finally {
            ch.position(saved);
        }
    }

    @Override
    public void allocate(long offset, long length) throws IOException {
        if (offset < 0 || length <= 0 || offset + length < 0) {
            throw new WasiError(Errno.INVAL);
        }
        SeekableByteChannel ch = channel();
        if (offset + length > ch.size()) {
            extendTo(ch, offset + length);
        }
    }

    @Override
    public void setTimes(Long atim, Long mtim) throws IOException {
        if (mtim != null) {
            file.setLastModifiedTime(FileStat.fileTime(mtim), LinkOption.NOFOLLOW_LINKS);
        }
        if (atim != null) {
            file.setLastAccessTime(FileStat.fileTime(atim), LinkOption.NOFOLLOW_LINKS);
        }
    }

    @Override
    public void sync() throws IOException {
        if (channel instanceof FileChannel fc) {
            fc.force(true);
        }
    }

    @Override
    public long readReadiness() throws IOException {
        if (channel == null) {
            return 0;
        }
        return Math.max(channel.size() - channel.position(), 0);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
