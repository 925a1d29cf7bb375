package io.nurture.inventory.web;

import io.nurture.api.IdempotencyKeys;
import io.nurture.api.InvalidRequestException;
import io.nurture.inventory.InventoryService;
import io.nurture.inventory.Product;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class InventoryController {

    private final InventoryService inventory;

    InventoryController(InventoryService inventory) {
        this.inventory = inventory;
    }

    @GetMapping("/products")
    List<CatalogueItem> catalogue() {
        return inventory.catalogue().stream()
                .map(p -> new CatalogueItem(p.getSku(), p.getName(), p.getPrice(), p.getCurrency()))
                .toList();
    }

    /** The stock, with its version as the ETag a stock take sends back in If-Match. */
    @GetMapping("/inventory/{sku}")
    ResponseEntity<StockLevel> stock(@PathVariable String sku) {
        return current(inventory.product(sku));
    }

    /**
     * Goods arrived: adds them; orders waiting for this product try again. With an Idempotency-Key,
     * the same request sent again (a timeout, a double click) adds nothing more.
     */
    @PostMapping("/inventory/{sku}/restock")
    @ApiResponse(responseCode = "422", description = "The key restocked another product or quantity")
    ResponseEntity<StockLevel> restock(
            @PathVariable String sku,
            @Valid @RequestBody Restock restock,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Principal staff) {
        return current(
                inventory.restock(sku, restock.quantity(), IdempotencyKeys.ofClient(staff.getName(), idempotencyKey)));
    }

    /**
     * A stock take: sets the stock that can be promised, only for the version read (If-Match), so a
     * level read before a reservation never overwrites it (412 then); orders waiting try again.
     */
    @PutMapping("/inventory/{sku}")
    ResponseEntity<StockLevel> setAvailable(
            @PathVariable String sku,
            @Parameter(description = "the ETag of the stock level this one replaces, from GET /api/inventory/{sku}")
                    @RequestHeader(name = "If-Match")
                    String ifMatch,
            @Valid @RequestBody StockTake stockTake) {
        return current(inventory.setAvailable(sku, stockTake.available(), version(ifMatch)));
    }

    private static ResponseEntity<StockLevel> current(Product product) {
        return ResponseEntity.ok().eTag(Long.toString(product.getVersion())).body(StockLevel.of(product));
    }

    private static long version(String ifMatch) {
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                ? tag.substring(1, tag.length() - 1)
                : tag;
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException notOurs) {
            throw new InvalidRequestException(
                    "If-Match", "must be the ETag the stock level was read with (GET /api/inventory/{sku})");
        }
    }

    record CatalogueItem(String sku, String name, BigDecimal price, String currency) {}

    record StockLevel(String sku, int available, int reserved, long version) {
        static StockLevel of(Product product) {
            return new StockLevel(
                    product.getSku(), product.getAvailable(), product.getReserved(), product.getVersion());
        }
    }

    record Restock(
            @Schema(example = "25", description = "units that arrived") @NotNull @Min(1) @Max(1_000_000)
            Integer quantity) {}

    record StockTake(
            @Schema(example = "25") @NotNull @Min(0) @Max(1_000_000)
            Integer available) {}
}
