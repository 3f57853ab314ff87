package dev.returnsync.core.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package rules, on the compiled classes. With ArchUnit: no package cycles in core; the domain depends on
 * nothing but itself, the spi, the JDK and Jakarta Validation; the engine's API types use neither the internals
 * nor the facade; the internals are used by the facade and each other only; the spi needs only the JDK. By
 * reading every domain class file's constant pool, where every type and method a class uses is named: the
 * domain is pure (no logging, no I/O, no threads or concurrency, no clock or randomness), which a package rule
 * cannot say of the JDK packages it may use.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.returnsync");

    /** Types the domain must not mention (internal names, prefixes). */
    static final List<String> FORBIDDEN_TYPES = List.of(
            "org/slf4j/", "java/util/logging/", "java/lang/System$Logger",
            "java/io/File", "java/io/InputStream", "java/io/OutputStream", "java/io/Reader", "java/io/Writer",
            "java/io/PrintStream", "java/io/RandomAccessFile", "java/nio/file/", "java/nio/channels/", "java/net/",
            "java/sql/", "java/net/http/",
            "java/lang/Thread", "java/lang/Runnable", "java/util/concurrent/", "java/util/Timer",
            "java/time/Clock", "java/util/Random", "java/security/SecureRandom", "java/util/random/",
            "dev/returnsync/core/engine/", "dev/returnsync/core/memory/", "dev/returnsync/core/internal/");

    /** Methods the domain must not call: owner internal name + "." + method name. */
    static final List<String> FORBIDDEN_METHODS = List.of(
            "java/lang/System.currentTimeMillis", "java/lang/System.nanoTime", "java/lang/System.getenv",
            "java/lang/System.getProperty", "java/lang/Math.random", "java/util/UUID.randomUUID",
            "java/time/Instant.now", "java/time/LocalDate.now", "java/time/LocalDateTime.now",
            "java/time/ZonedDateTime.now", "java/time/OffsetDateTime.now", "java/time/LocalTime.now");

    @Test
    void domainClassesUseNoLoggingIoThreadsClocksOrEngine() throws Exception {
        Path root = Path.of(ReturnWorkflow.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path domain = root.resolve("dev/returnsync/core/domain");
        List<String> violations = new ArrayList<>();
        int classes = 0;
        try (Stream<Path> files = Files.walk(domain)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes++;
                try (InputStream in = Files.newInputStream(file)) {
                    for (String use : violations(in)) {
                        violations.add(domain.relativize(file) + " uses " + use);
                    }
                }
            }
        }
        assertTrue(classes > 15, "found the domain classes: " + classes);
        assertEquals(List.of(), violations);
    }

    @Test
    void noPackageCyclesInCore() {
        slices().matching("dev.returnsync.core.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theDomainDependsOnNothingButItselfTheSpiTheJdkAndJakartaValidation() {
        classes().that().resideInAPackage("dev.returnsync.core.domain..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.returnsync.core.domain..", "dev.returnsync.spi..", "java..",
                        "jakarta.validation..")
                .check(CLASSES);
    }

    @Test
    void theEngineApiTypesDependNeitherOnInternalsNorOnTheFacade() {
        noClasses().that().resideInAPackage("dev.returnsync.core.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.returnsync.core.internal..",
                        "dev.returnsync.core")
                .check(CLASSES);
    }

    @Test
    void internalsAreUsedOnlyByTheEngineFacadeAndEachOther() {
        // what lies on core's test classpath: core and spi (testkit, examples and benchmarks are other modules)
        noClasses().that().resideOutsideOfPackages("dev.returnsync.core", "dev.returnsync.core.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.returnsync.core.internal..")
                .check(CLASSES);
    }

    @Test
    void theSpiNeedsNothingButTheJdk() {
        classes().that().resideInAPackage("dev.returnsync.spi..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("dev.returnsync.spi..", "java..")
                .check(CLASSES);
    }

    @Test
    void theRulesSeeTheClassesAndCatchADependency() {
        assertTrue(CLASSES.contain("dev.returnsync.core.ReturnSyncEngine") && CLASSES.contain(
                "dev.returnsync.spi.ReturnEvent") && CLASSES.contain("dev.returnsync.core.internal.access.Visibility"));
        // the facade does use the internals: the same rule aimed at it must fail
        AssertionError caught = assertThrows(AssertionError.class, () -> noClasses()
                .that().resideInAPackage("dev.returnsync.core")
                .should().dependOnClassesThat().resideInAPackage("dev.returnsync.core.internal..").check(CLASSES));
        assertTrue(caught.getMessage().contains("ReturnSyncEngine"), caught.getMessage());
    }

    @Test
    void theCheckFindsWhatItLooksFor() throws IOException, URISyntaxException {
        class Impure {
            long stamp() {
                new Thread(() -> { }).start();
                return System.currentTimeMillis() + java.time.Instant.now().getNano();
            }
        }
        Path root = Path.of(ArchitectureTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path file = root.resolve(Impure.class.getName().replace('.', '/') + ".class");
        try (InputStream in = Files.newInputStream(file)) {
            List<String> found = violations(in);
            assertTrue(found.contains("java/lang/System.currentTimeMillis"), found.toString());
            assertTrue(found.contains("java/time/Instant.now"), found.toString());
            assertTrue(found.stream().anyMatch(s -> s.startsWith("java/lang/Thread")), found.toString());
        }
        assertFalse(new Impure().stamp() == 0);
    }

    /** Reads a class file's constant pool and lists the forbidden types and methods it names. */
    static List<String> violations(InputStream stream) throws IOException {
        ConstantPool pool = ConstantPool.read(stream);
        List<String> found = new ArrayList<>();
        for (String text : pool.utf8) {
            if (text == null) {
                continue;
            }
            for (String type : FORBIDDEN_TYPES) {
                if (text.contains(type)) {
                    found.add(text);
                    break;
                }
            }
        }
        for (int[] ref : pool.memberRef) {
            if (ref != null) {
                String call = pool.utf8[pool.classNameIndex[ref[0]]] + "." + pool.utf8[pool.nameAndType[ref[1]][0]];
                if (FORBIDDEN_METHODS.contains(call)) {
                    found.add(call);
                }
            }
        }
        return found;
    }

    /** The parts of a class file's constant pool that name types and members. */
    private record ConstantPool(String[] utf8, int[] classNameIndex, int[][] memberRef, int[][] nameAndType) {
        static ConstantPool read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        int[][] memberRef = new int[count][];
        int[][] nameAndType = new int[count][];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 9, 10, 11 -> memberRef[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 12 -> nameAndType[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
                case 3, 4, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return new ConstantPool(utf8, classNameIndex, memberRef, nameAndType);
        }
    }
}
