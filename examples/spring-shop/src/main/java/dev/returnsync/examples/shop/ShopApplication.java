package dev.returnsync.examples.shop;

import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.supplier.http.HttpSupplierAdapter;
import dev.returnsync.supplier.http.HttpSupplierConfig;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.net.URI;

/**
 * A sample shop that sells goods its suppliers ship (dropshipping) and takes their returns: the starter builds the
 * engine on the shop's PostgreSQL, the REST API of {@link CustomerApi}, {@link StaffApi} and {@link SupplierApi}
 * drives it, suppliers call back through the signed webhook, and the actuator shows health and metrics.
 *
 * <p>Run it with {@code SPRING_DATASOURCE_URL}, {@code _USERNAME}, {@code _PASSWORD}, the supplier's API in
 * {@code shop.acme.url} and its callback secret in {@code returnsync.webhook.secrets.acme[0]}.
 */
@SpringBootApplication
public class ShopApplication {
    /** The one supplier of this shop. */
    public static final SupplierId ACME = SupplierId.of("acme");

    /** Starts the shop. */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    /** The supplier's HTTP API; the starter registers every adapter bean. */
    @Bean
    SupplierAdapter acme(@org.springframework.beans.factory.annotation.Value("${shop.acme.url}") URI url) {
        return new HttpSupplierAdapter(HttpSupplierConfig.builder(ACME, url).build());
    }
}
