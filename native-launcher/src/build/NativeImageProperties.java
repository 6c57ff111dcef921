import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;

/**
 * Turns the {@code META-INF/native-image/**&#47;native-image.properties} of the given jars into the
 * builder options a GraalVM driver would derive from them; build-native needs this because the
 * builder is run without a driver. Output lines: {@code builder OPTION} (for the builder's
 * command line) or {@code jvm OPTION} (for the JVM running the builder).
 */
public class NativeImageProperties {
    public static void main(String[] args) throws IOException {
        for (String jar : args) {
            try (JarFile jf = new JarFile(Path.of(jar).toFile())) {
                jf.stream().filter(e -> e.getName().startsWith("META-INF/native-image/")
                                && e.getName().endsWith("/native-image.properties"))
                        .forEach(e -> {
                            try (InputStream in = jf.getInputStream(e)) {
                                Properties p = new Properties();
                                p.load(in);
                                convert(p);
                            } catch (IOException x) {
                                throw new UncheckedIOException(x);
                            }
                        });
            }
        }
    }

    private static void convert(Properties p) {
        for (String arg : split(p.getProperty("Args", ""))) {
            for (String out : builderOptions(arg)) {
                System.out.println(out);
            }
        }
        for (String arg : split(p.getProperty("JavaArgs", ""))) {
            System.out.println("jvm " + arg);
        }
    }

    /** One driver option as builder (and JVM) options; the truffle-svm macro is done by build-native. */
    private static List<String> builderOptions(String arg) {
        List<String> out = new ArrayList<>();
        if (arg.startsWith("--features=")) {
            out.add("builder -H:Features=" + value(arg));
        } else if (arg.startsWith("--initialize-at-build-time=")) {
            for (String c : value(arg).split(",")) out.add("builder -H:ClassInitialization=" + c + ":build_time");
        } else if (arg.startsWith("--initialize-at-run-time=")) {
            for (String c : value(arg).split(",")) out.add("builder -H:ClassInitialization=" + c + ":run_time");
        } else if (arg.startsWith("--add-exports=") || arg.startsWith("--add-opens=") || arg.startsWith("--add-reads=")) {
            // Modules of the image layer take them as hosted options, boot-layer modules as JVM options.
            String kind = arg.substring(2, arg.indexOf('='));
            String option = switch (kind) {
                case "add-exports" -> "AddExports";
                case "add-opens" -> "AddOpens";
                default -> "AddReads";
            };
            out.add("builder -H:" + option + "=" + value(arg));
            out.add("jvm " + arg);
        } else if (arg.startsWith("-H:")) {
            out.add("builder " + arg);
        } else if (arg.startsWith("--macro:")) {
            // handled by build-native (the truffle-svm macro adds truffle-runtime-svm)
        } else {
            System.err.println("NativeImageProperties: ignoring driver option " + arg);
        }
        return out;
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String t : s.trim().split("\\s+")) {
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }
}
