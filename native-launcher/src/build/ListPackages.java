import java.lang.module.ModuleDescriptor;

/**
 * Prints one builder option per package of every module in the boot layer:
 * {@code --add-opens=MODULE/PACKAGE=TARGETS}. The native-image builder reflects into JDK and compiler
 * internals; a GraalVM driver would open them, and without a driver build-native generates them here
 * (run as a source file: {@code java --module-path ... --add-modules ... ListPackages.java TARGETS}).
 */
public class ListPackages {
    public static void main(String[] args) {
        String targets = args[0];
        ModuleLayer.boot().modules().stream()
                .map(Module::getDescriptor)
                .sorted(java.util.Comparator.comparing(ModuleDescriptor::name))
                .forEach(d -> d.packages().stream().sorted()
                        .forEach(p -> System.out.println("--add-opens=" + d.name() + "/" + p + "=" + targets)));
    }
}
