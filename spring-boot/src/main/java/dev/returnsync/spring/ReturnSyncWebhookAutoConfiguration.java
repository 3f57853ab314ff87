package dev.returnsync.spring;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.supplier.http.CallbackSecrets;
import dev.returnsync.supplier.http.SupplierWebhook;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The signed supplier webhook of {@code returnsync-supplier-http}, answered by the application's Spring MVC under
 * {@code returnsync.webhook.path}, with the secrets of {@code returnsync.webhook.secrets}. A
 * {@link SupplierWebhook} bean of the application is used instead of one built from the properties.
 */
@AutoConfiguration(after = ReturnSyncAutoConfiguration.class)
@ConditionalOnClass({SupplierWebhook.class, HttpRequestHandler.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(ReturnSyncEngine.class)
@ConditionalOnProperty(prefix = "returnsync.webhook", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ReturnSyncWebhookAutoConfiguration {

    /**
     * The webhook, handing callbacks to the engine as the supplier named by the path.
     *
     * @param engine     the engine the callbacks go to; its clock checks the callbacks' timestamps
     * @param properties the validated properties, whose {@code returnsync.webhook.*} give the tolerance and the
     *                   suppliers' secrets
     * @return the webhook, accepting callbacks only from suppliers that have secrets
     */
    @Bean
    @ConditionalOnMissingBean
    public SupplierWebhook returnSyncSupplierWebhook(ReturnSyncEngine engine, ReturnSyncProperties properties) {
        ReturnSyncProperties.Webhook settings = properties.getWebhook();
        SupplierWebhook.Builder webhook = SupplierWebhook.builder(engine)
                .tolerance(settings.getTolerance()).clock(engine.clock());
        settings.getSecrets().forEach((supplier, secrets) -> webhook.supplier(SupplierId.of(supplier), of(secrets)));
        return webhook.build();
    }

    /**
     * Maps {@code {path}/**} to the webhook, ahead of the application's controllers.
     *
     * @param webhook    the webhook that answers the callbacks
     * @param properties the validated properties, whose {@code returnsync.webhook.path} is the path
     * @return the handler mapping of the webhook's path
     */
    @Bean
    public SimpleUrlHandlerMapping returnSyncWebhookMapping(SupplierWebhook webhook, ReturnSyncProperties properties) {
        String path = properties.getWebhook().getPath();
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(
                Map.of(path + "/**", new SupplierWebhookHandler(webhook, path)));
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return mapping;
    }

    private static CallbackSecrets of(List<String> secrets) {
        byte[][] others = secrets.stream().skip(1).map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        return CallbackSecrets.of(secrets.get(0).getBytes(StandardCharsets.UTF_8), others);
    }
}
