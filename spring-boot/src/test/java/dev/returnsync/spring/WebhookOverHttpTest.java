package dev.returnsync.spring;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.supplier.http.CallbackSignature;
import dev.returnsync.testsupport.SimulatedSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.*;

/** The supplier webhook in a real servlet application, called over HTTP on loopback under a configured path. */
@Timeout(120)
class WebhookOverHttpTest {
    private static final String SECRET = "0123456789abcdef-acme";
    private static final SupplierId ACME = SupplierId.of("acme");

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Shop {
        @Bean
        SimulatedSupplier acme() {
            return SimulatedSupplier.of(ACME, SimulatedSupplier.Style.NUMBER_BY_CALLBACK);
        }
    }

    @Test
    void aSignedCallbackIsAppliedAndAForgedOneRefused() throws Exception {
        SpringApplication shop = new SpringApplication(Shop.class);
        try (ConfigurableApplicationContext context = shop.run("--server.port=0", "--server.address=127.0.0.1",
                "--returnsync.loop.enabled=false", "--returnsync.webhook.path=/hooks/suppliers",
                "--returnsync.webhook.secrets.acme[0]=" + SECRET)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            ReturnSyncEngine engine = context.getBean(ReturnSyncEngine.class);
            CaseId caseId = CaseId.of("case-webhook");
            ReturnFlow.toApplied(engine, caseId, ACME, "AS-HOOK-1");
            engine.dispatchPending();
            String resellerNumber = engine.caseView(ReturnFlow.RESELLER, caseId).state().resellerNumber().value();

            URI uri = URI.create("http://127.0.0.1:" + port + "/hooks/suppliers/acme/callbacks");
            String body = "{\"id\": \"evt-1\", \"type\": \"NUMBER_ISSUED\", \"tenant\": \""
                    + ReturnFlow.TENANT.value() + "\", \"resellerNumber\": \"" + resellerNumber + "\", "
                    + "\"supplierNumber\": \"ACME-000042\"}";
            assertEquals(401, post(uri, body, "v1=" + "0".repeat(64)).statusCode(), "forged");
            HttpResponse<String> accepted = post(uri, body, null);
            assertEquals(200, accepted.statusCode(), accepted.body());
            assertTrue(accepted.body().contains("\"accepted\""), accepted.body());
            assertEquals("ACME-000042", engine.caseView(ReturnFlow.RESELLER, caseId).state().leg(ACME).orElseThrow()
                    .supplierNumber().value());
            assertEquals(404, post(URI.create("http://127.0.0.1:" + port + "/returnsync/suppliers/acme/callbacks"),
                    body, null).statusCode(), "only the configured path answers");
        }
    }

    private static HttpResponse<String> post(URI uri, String body, String forgedSignature) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        long now = Instant.now().getEpochSecond();
        String signature = forgedSignature != null ? forgedSignature
                : CallbackSignature.sign(SECRET.getBytes(StandardCharsets.UTF_8), now, bytes);
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header(CallbackSignature.TIMESTAMP_HEADER, Long.toString(now))
                .header(CallbackSignature.SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
