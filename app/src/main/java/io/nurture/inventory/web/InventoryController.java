package io.nurture.inventory.web;

import io.nurture.inventory.InventoryService;
import io.nurture.inventory.Product;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    @GetMapping("/inventory/{sku}")
    StockLevel stock(@PathVariable String sku) {
        return StockLevel.of(inventory.product(sku));
    }

    /** Sets the stock that can be promised; backordered orders waiting for this product try again. */
    @PutMapping("/inventory/{sku}")
    StockLevel restock(@PathVariable String sku, @Valid @RequestBody Restock restock) {
        return StockLevel.of(inventory.restock(sku, restock.available()));
    }

    record CatalogueItem(String sku, String name, BigDecimal price, String currency) {
    }

    record StockLevel(String sku, int available, int reserved) {
        static StockLevel of(Product product) {
            return new StockLevel(product.getSku(), product.getAvailable(), product.getReserved());
        }
    }

    record Restock(@Schema(example = "25") @NotNull @Min(0) @Max(1_000_000) Integer available) {
    }
}
