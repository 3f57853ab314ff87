package dev.returnsync.checks;

import com.tngtech.archunit.core.domain.JavaClass;

import java.net.URI;

/**
 * The module a class belongs to, from where it was loaded: {@code .../core/target/classes/...} and
 * {@code .../core/target/returnsync-core-0.1.0.jar!/...} are {@code core} (the reactor gives the classes folder
 * before the package phase, the jar after it); any other jar is its file name. A class of unknown origin is a
 * module of its own.
 */
final class Modules {
    private Modules() {
    }

    static String of(JavaClass type) {
        return type.getSource().map(source -> of(source.getUri(), type)).orElse(unknown(type));
    }

    static String topLevel(JavaClass type) {
        String name = type.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    private static String unknown(JavaClass type) {
        return "(unknown origin of " + type.getName() + ")";
    }

    private static String of(URI uri, JavaClass type) {
        String location = uri.toString();
        String resource = type.getName().replace('.', '/') + ".class";
        if (!location.endsWith(resource)) {
            return unknown(type);
        }
        String root = location.substring(0, location.length() - resource.length());
        int target = root.lastIndexOf("/target/");
        if (target >= 0) {
            String module = root.substring(0, target);
            return module.substring(module.lastIndexOf('/') + 1);
        }
        if (root.endsWith("!/")) {
            String jar = root.substring(0, root.length() - 2);
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        return root;
    }
}
