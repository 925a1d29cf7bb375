package io.nurture.inventory;

import io.swagger.v3.oas.annotations.media.Schema;
import io.nurture.orchestration.ProcessMessages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class InventoryController {

    private final ProductRepository products;
    private final InventoryService inventory;
    private final ProcessMessages messages;

    InventoryController(ProductRepository products, InventoryService inventory, ProcessMessages messages) {
        this.products = products;
        this.inventory = inventory;
        this.messages = messages;
    }

    @GetMapping("/products")
    List<CatalogueItem> catalogue() {
        return products.findAllByOrderBySku().stream()
                .map(p -> new CatalogueItem(p.getSku(), p.getName(), p.getPrice(), p.getCurrency()))
                .toList();
    }

    @GetMapping("/inventory/{sku}")
    StockLevel stock(@PathVariable String sku) {
        return products.findById(sku).map(StockLevel::of).orElseThrow(() -> new UnknownProductException(sku));
    }

    /** Sets the stock that can be promised; backordered orders waiting for this product try again. */
    @PutMapping("/inventory/{sku}")
    @Transactional
    StockLevel restock(@PathVariable String sku, @Valid @RequestBody Restock restock) {
        List<String> waiting = inventory.restock(sku, restock.available());
        waiting.forEach(messages::stockReplenished);
        return products.findById(sku).map(StockLevel::of).orElseThrow();
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
