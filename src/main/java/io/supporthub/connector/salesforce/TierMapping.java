package io.supporthub.connector.salesforce;

import io.supporthub.ticket.CustomerTier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How an org's tier values (a picklist such as Platinum / Gold / Silver) map to the hub's VIP,
 * enterprise and standard. Matching ignores case and surrounding blanks; a value not listed, or
 * none at all, is standard.
 */
public final class TierMapping {

    public static final TierMapping DEFAULT = of(List.of("VIP", "Platinum", "Strategic"), List.of("Enterprise", "Gold"));

    private final Map<String, CustomerTier> tierByValue;

    private TierMapping(Map<String, CustomerTier> tierByValue) {
        this.tierByValue = Map.copyOf(tierByValue);
    }

    /** @throws IllegalArgumentException when one value is listed for both tiers */
    public static TierMapping of(List<String> vipValues, List<String> enterpriseValues) {
        Map<String, CustomerTier> map = new LinkedHashMap<>();
        vipValues.forEach(v -> put(map, v, CustomerTier.VIP));
        enterpriseValues.forEach(v -> put(map, v, CustomerTier.ENTERPRISE));
        return new TierMapping(map);
    }

    private static void put(Map<String, CustomerTier> map, String value, CustomerTier tier) {
        String key = normalise(value);
        if (key.isEmpty()) {
            return;
        }
        CustomerTier earlier = map.putIfAbsent(key, tier);
        if (earlier != null && earlier != tier) {
            throw new IllegalArgumentException("'" + value.strip() + "' is listed as both " + earlier.code() + " and " + tier.code());
        }
    }

    public CustomerTier tierOf(String crmValue) {
        return crmValue == null ? CustomerTier.STANDARD : tierByValue.getOrDefault(normalise(crmValue), CustomerTier.STANDARD);
    }

    private static String normalise(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TierMapping mapping && mapping.tierByValue.equals(tierByValue);
    }

    @Override
    public int hashCode() {
        return tierByValue.hashCode();
    }

    @Override
    public String toString() {
        return "TierMapping" + tierByValue;
    }
}
