package org.wasmtruffle.wasi;

import com.oracle.truffle.api.TruffleFile;
import com.oracle.truffle.api.TruffleLanguage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wasmtruffle.wasi.fd.DirectoryFd;
import org.wasmtruffle.wasi.fd.FdTable;
import org.wasmtruffle.wasi.fd.InputStreamFd;
import org.wasmtruffle.wasi.fd.ListeningSocketFd;
import org.wasmtruffle.wasi.fd.OutputStreamFd;

/**
 * The state of WASI in one context: the program's arguments and environment, the descriptor table
 * (stdin, stdout, stderr, the preopened directories, then the listening sockets), and the random source.
 */
public final class WasiState {
    private final TruffleLanguage.Env env;
    private final byte[][] arguments;
    private final byte[][] environment;
    private final FdTable fds = new FdTable();
    private final SecureRandom random = new SecureRandom();

    WasiState(TruffleLanguage.Env env) {
        this.env = env;
        this.arguments = encode(List.of(env.getApplicationArguments()));
        List<String> variables = new ArrayList<>();
        for (Map.Entry<String, String> e : env.getEnvironment().entrySet()) {
            variables.add(e.getKey() + "=" + e.getValue());
        }
        this.environment = encode(variables);
        fds.add(new InputStreamFd(env.in()));
        fds.add(new OutputStreamFd(env.out()));
        fds.add(new OutputStreamFd(env.err()));
        String dirs = env.getOptions().get(WasiOptions.WasiDirs);
        for (String entry : dirs.split(";")) {
            if (!entry.isEmpty()) {
                preopen(entry);
            }
        }
        String listen = env.getOptions().get(WasiOptions.WasiTcpListen);
        for (String entry : listen.split(";")) {
            if (!entry.isEmpty()) {
                listen(entry);
            }
        }
    }

    private void preopen(String entry) {
        int separator = entry.indexOf("::");
        String hostPath = separator >= 0 ? entry.substring(0, separator) : entry;
        String guestName = separator >= 0 ? entry.substring(separator + 2) : entry;
        TruffleFile host = env.getPublicTruffleFile(hostPath);
        try {
            if (!host.isDirectory()) {
                throw new WasiConfigurationException("WasiDirs: " + hostPath + " is not a directory");
            }
            host = host.getCanonicalFile();
        } catch (SecurityException e) {
            // IO is denied: the guest still sees the preopen, and every access to it fails with an errno.
        } catch (IOException e) {
            throw new WasiConfigurationException("WasiDirs: cannot open " + hostPath + ": " + e.getMessage());
        }
        fds.add(new DirectoryFd(host, List.of(), guestName, Rights.DIRECTORY, Rights.DIRECTORY_INHERITING, 0));
    }

    private void listen(String entry) {
        int colon = entry.lastIndexOf(':');
        if (colon < 0) {
            throw new WasiConfigurationException("WasiTcpListen: expected HOST:PORT, not " + entry);
        }
        if (!env.isSocketIOAllowed()) {
            throw new WasiConfigurationException("WasiTcpListen: socket access is not allowed in this context");
        }
        String host = entry.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(entry.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new WasiConfigurationException("WasiTcpListen: bad port in " + entry);
        }
        try {
            ServerSocketChannel channel = ServerSocketChannel.open();
            channel.bind(new InetSocketAddress(host, port));
            fds.add(new ListeningSocketFd(channel));
        } catch (IOException | IllegalArgumentException e) {
            throw new WasiConfigurationException("WasiTcpListen: cannot listen on " + entry + ": " + e.getMessage());
        }
    }

    private static byte[][] encode(List<String> strings) {
        byte[][] result = new byte[strings.size()][];
        for (int i = 0; i < result.length; i++) {
            result[i] = strings.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return result;
    }

    public TruffleLanguage.Env env() {
        return env;
    }

    /** The program arguments, UTF-8 encoded, without terminators. */
    public byte[][] arguments() {
        return arguments;
    }

    /** The environment as {@code NAME=VALUE}, UTF-8 encoded, without terminators. */
    public byte[][] environment() {
        return environment;
    }

    public FdTable fds() {
        return fds;
    }

    public SecureRandom random() {
        return random;
    }
}
