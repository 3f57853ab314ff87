package dev.returnsync.examples.shop;

import dev.returnsync.core.engine.AccessDeniedException;
import dev.returnsync.core.engine.CaseNotFoundException;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.ContentionException;
import dev.returnsync.core.engine.IdempotencyConflictException;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.core.engine.StoreException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/** The engine's typed errors as HTTP answers: a status and a code, never the request's values. */
@RestControllerAdvice
class ApiErrors {
    @ExceptionHandler(CaseNotFoundException.class)
    ResponseEntity<Map<String, String>> notFound(CaseNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "not_found");
    }

    @ExceptionHandler(CommandRefusedException.class)
    ResponseEntity<Map<String, String>> refused(CommandRefusedException e) {
        return answer(HttpStatus.UNPROCESSABLE_CONTENT, e.code().name().toLowerCase());
    }

    @ExceptionHandler(InvalidCommandException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidCommandException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "invalid", "fields", e.paths()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> malformed(IllegalArgumentException e) {
        return answer(HttpStatus.BAD_REQUEST, "malformed");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, String>> denied(AccessDeniedException e) {
        return answer(HttpStatus.FORBIDDEN, "denied");
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<Map<String, String>> keyReused(IdempotencyConflictException e) {
        return answer(HttpStatus.CONFLICT, "idempotency_key_reused");
    }

    @ExceptionHandler({ContentionException.class, StoreException.class})
    ResponseEntity<Map<String, String>> tryAgain(RuntimeException e) {
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "try_again");
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String code) {
        return ResponseEntity.status(status).body(Map.of("error", code));
    }
}
