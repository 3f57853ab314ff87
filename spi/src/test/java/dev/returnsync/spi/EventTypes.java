package dev.returnsync.spi;

import java.util.ArrayList;
import java.util.List;

/** Every concrete event type, found by walking the sealed hierarchy, so a test over all of them misses none. */
public final class EventTypes {
    private EventTypes() {
    }

    /** The records that implement {@link ReturnEvent}, directly or through a sealed sub-interface. */
    public static List<Class<?>> all() {
        List<Class<?>> types = new ArrayList<>();
        collect(ReturnEvent.class, types);
        return types;
    }

    private static void collect(Class<?> type, List<Class<?>> into) {
        if (type.isRecord()) {
            into.add(type);
            return;
        }
        for (Class<?> sub : type.getPermittedSubclasses()) {
            collect(sub, into);
        }
    }
}
