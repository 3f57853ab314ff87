package dev.returnsync.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The modules of the build: the root pom and every module it names, recursively, in the order named. */
final class Reactor {
    private Reactor() {
    }

    static List<Pom> read(Path root) {
        List<Pom> poms = new ArrayList<>();
        collect(root.resolve("pom.xml"), poms);
        return poms;
    }

    private static void collect(Path file, List<Pom> poms) {
        Pom pom = Pom.read(file);
        poms.add(pom);
        for (String module : pom.modules()) {
            collect(file.getParent().resolve(module).resolve("pom.xml").normalize(), poms);
        }
    }
}
