package dev.returnsync.spring;

import dev.returnsync.supplier.http.SupplierWebhook;
import dev.returnsync.supplier.http.WebhookRequest;
import dev.returnsync.supplier.http.WebhookResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.HttpRequestHandler;

import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The supplier webhook as a Spring MVC handler under {@code returnsync.webhook.path}: hands
 * {@code {path}/{supplier}/callbacks} to {@link SupplierWebhook#handle(WebhookRequest)} with the raw path, the
 * headers and at most {@link SupplierWebhook#MAX_BODY} + 1 bytes of the body, untouched, and writes its answer back.
 */
final class SupplierWebhookHandler implements HttpRequestHandler {
    private final SupplierWebhook webhook;
    private final String path;

    SupplierWebhookHandler(SupplierWebhook webhook, String path) {
        this.webhook = webhook;
        this.path = path;
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.putIfAbsent(name, request.getHeader(name));
        }
        byte[] body = request.getInputStream().readNBytes(SupplierWebhook.MAX_BODY + 1);
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        String below = raw.startsWith(path + "/") ? raw.substring(path.length() + 1) : "";
        WebhookResponse answer = webhook.handle(new WebhookRequest(request.getMethod(),
                SupplierWebhook.PATH + below, headers, body));
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        response.getOutputStream().write(answer.body());
    }
}
