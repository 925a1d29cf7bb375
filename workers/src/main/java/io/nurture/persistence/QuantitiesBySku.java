package io.nurture.persistence;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A query's rows of a SKU and a quantity (ordered, held, available), as a map by SKU. */
public final class QuantitiesBySku {

    private QuantitiesBySku() {}

    /** The statement must select the SKU first and the quantity second, one row per SKU. */
    public static Map<String, Integer> read(JdbcClient.StatementSpec query) {
        return query.query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
