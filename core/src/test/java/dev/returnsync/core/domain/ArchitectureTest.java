package dev.returnsync.core.domain;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The domain is pure: no logging, no I/O, no threads or concurrency, no clock or randomness, and no
 * dependency on the engine. Checked on the compiled classes by reading every class file's constant pool,
 * where every type and method a class uses is named.
 */
class ArchitectureTest {
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
        try (Stream<Path> files = Files.list(domain)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                classes++;
                try (InputStream in = Files.newInputStream(file)) {
                    for (String use : violations(in)) {
                        violations.add(file.getFileName() + " uses " + use);
                    }
                }
            }
        }
        assertTrue(classes > 15, "found the domain classes: " + classes);
        assertEquals(List.of(), violations);
    }

    @Test
    void spiNeedsNothingButTheJdkAndJakartaValidation() throws Exception {
        Path location = Path.of(dev.returnsync.spi.ReturnEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // under 'mvn verify' the reactor hands the packaged spi jar instead of spi/target/classes
        java.nio.file.FileSystem jar = Files.isRegularFile(location)
                ? java.nio.file.FileSystems.newFileSystem(location, (ClassLoader) null) : null;
        Path root = jar == null ? location : jar.getPath("/");
        List<String> violations = new ArrayList<>();
        int references = 0;
        try (jar; Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    for (String type : referencedTypes(in)) {
                        references++;
                        if (!(type.startsWith("java/") || type.startsWith("jakarta/validation/")
                                || type.startsWith("dev/returnsync/spi/"))) {
                            violations.add(root.relativize(file) + " uses " + type);
                        }
                    }
                }
            }
        }
        assertTrue(references > 200, "read the spi classes: " + references + " type references");
        assertEquals(List.of(), violations);
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

    /** The internal names of the classes a class file refers to (array types reduced to their element). */
    static List<String> referencedTypes(InputStream stream) throws IOException {
        ConstantPool pool = ConstantPool.read(stream);
        List<String> types = new ArrayList<>();
        for (int i = 1; i < pool.utf8.length; i++) {
            if (pool.classNameIndex[i] != 0) {
                types.add(pool.utf8[pool.classNameIndex[i]].replaceFirst("^\\[+L?", "").replace(";", ""));
            }
        }
        types.removeIf(t -> t.length() <= 1);
        return types;
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
