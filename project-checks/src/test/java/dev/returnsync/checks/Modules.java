package dev.returnsync.checks;

import com.tngtech.archunit.core.domain.JavaClass;

import java.net.URI;

/**
 * The module a class belongs to, from where it was loaded: {@code .../core/target/classes/...} is {@code core},
 * {@code .../returnsync-core-0.1.0.jar!/...} is that jar's name. A class of unknown origin is a module of its own.
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
        if (root.endsWith("!/")) {
            String jar = root.substring(0, root.length() - 2);
            return jar.substring(jar.lastIndexOf('/') + 1);
        }
        String classes = "/target/classes/";
        if (root.endsWith(classes)) {
            String module = root.substring(0, root.length() - classes.length());
            return module.substring(module.lastIndexOf('/') + 1);
        }
        return root;
    }
}
