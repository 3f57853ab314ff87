package dev.returnsync.marketplace;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** Looks statuses up by their API names. */
final class Statuses {
    private Statuses() {
    }

    static <S extends Enum<S> & RefundStatus> S ofApiName(Class<S> type, String apiName) {
        Objects.requireNonNull(apiName, "apiName must not be null");
        for (S status : type.getEnumConstants()) {
            if (status.apiName().equals(apiName)) {
                return status;
            }
        }
        throw new IllegalArgumentException("apiName is no " + type.getSimpleName() + "; known: "
                + Arrays.stream(type.getEnumConstants()).map(RefundStatus::apiName).collect(Collectors.joining(", ")));
    }
}
