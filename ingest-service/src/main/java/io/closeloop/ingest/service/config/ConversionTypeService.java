package io.closeloop.ingest.service.config;

import io.closeloop.ingest.domain.ConversionType;
import io.closeloop.ingest.repository.ConversionTypeRepository;
import io.closeloop.ingest.service.Transactions;
import io.closeloop.ingest.service.Violations;
import io.closeloop.ingest.service.config.ConversionTypeFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** A tenant's conversion types; offline conversion kinds accept only these. */
@ApplicationScoped
public class ConversionTypeService {

    /** The lead stages that can count; lost and cancelled never do. */
    static final Set<String> COUNTABLE_STAGES = Set.of("completed", "new", "qualified", "mql", "sql", "won");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int DEFAULT_LOOKBACK_DAYS = 90;

    private final Transactions transactions;
    private final ConversionTypeRepository repository;

    public ConversionTypeService(Transactions transactions, ConversionTypeRepository repository) {
        this.transactions = transactions;
        this.repository = repository;
    }

    public List<ConversionTypeFields> list(String tenant) {
        return transactions.inTransaction(c -> repository.list(c, tenant)).stream().map(ConversionTypeService::fields)
                .toList();
    }

    public ConversionTypeFields get(String tenant, String name) {
        return transactions.inTransaction(c -> repository.find(c, tenant, normalize(name)))
                .map(ConversionTypeService::fields)
                .orElseThrow(() -> new NotFoundException("no conversion type " + name));
    }

    public ConversionTypeFields put(String tenant, String name, ConversionTypeFields fields) {
        Violations violations = new Violations();
        String normalized = normalize(name);
        if (!NAME.matcher(normalized).matches()) {
            violations.add("name", "must be snake_case, 1 to 64 characters");
        }
        List<String> stages = new ArrayList<>();
        List<String> given = fields.countingStages() == null ? List.of() : fields.countingStages();
        for (int i = 0; i < given.size(); i++) {
            violations.text("countingStages[" + i + "]", given.get(i));
            String stage = given.get(i) == null ? "" : given.get(i).trim().toLowerCase(Locale.ROOT);
            if (!COUNTABLE_STAGES.contains(stage)) {
                violations.add("countingStages[" + i + "]", "must be one of " + new TreeSet<>(COUNTABLE_STAGES));
            } else if (!stages.contains(stage)) {
                stages.add(stage);
            }
        }
        int lookback = fields.defaultLookbackDays() == null ? DEFAULT_LOOKBACK_DAYS : fields.defaultLookbackDays();
        if (lookback < 1 || lookback > 3650) {
            violations.add("defaultLookbackDays", "must be 1 to 3650");
        }
        violations.throwIfAny();
        ConversionType saved = new ConversionType(normalized, !Boolean.FALSE.equals(fields.countsAsConversion()),
                stages, lookback, Boolean.TRUE.equals(fields.valueRequired()));
        transactions.inTransaction(c -> {
            repository.upsert(c, tenant, saved);
            return null;
        });
        return fields(saved);
    }

    public void delete(String tenant, String name) {
        if (!transactions.inTransaction(c -> repository.delete(c, tenant, normalize(name)))) {
            throw new NotFoundException("no conversion type " + name);
        }
    }

    private static String normalize(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    private static ConversionTypeFields fields(ConversionType t) {
        return new ConversionTypeFields(t.name(), t.countsAsConversion(), t.countingStages(), t.defaultLookbackDays(),
                t.valueRequired());
    }
}
