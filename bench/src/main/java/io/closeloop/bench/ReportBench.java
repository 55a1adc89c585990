package io.closeloop.bench;

import io.closeloop.infra.DatabaseCoordinates;
import io.closeloop.infra.Infrastructure;
import io.closeloop.infra.LauncherLogging;
import io.closeloop.infra.PostgresServer;
import io.closeloop.reporting.metrics.Grain;
import io.closeloop.reporting.repository.Grouping;
import io.closeloop.reporting.repository.CreditConversionSql;
import io.closeloop.reporting.repository.CreditDaySql;
import io.closeloop.reporting.repository.MetricSql;
import io.closeloop.reporting.repository.MetricSql.Statement;
import io.closeloop.reporting.repository.ReportScope;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Times reporting's metric views at the query layer: PostgreSQL from the launcher (fsync on), reporting's own
 * migrations, then a year of data made in the database — {@code --conversions} conversions (200,000) credited under
 * all nine models, a year of daily spend for 60 campaigns, touch counts, funnel stages — and each view's statements
 * (MetricSql, exactly what the service runs for it) timed end to end over JDBC, in the service's stages with a stage's
 * statements side by side on connections set up as the service's. Prints p50/p95 per view; asserts nothing.
 *
 * <p>Arguments: {@code --conversions N} (200000), {@code --runs N} (15), {@code --warmup N} (2).
 */
public final class ReportBench {

    private static final List<String> MODELS = List.of("first_touch", "last_touch", "last_non_direct", "linear",
            "time_decay", "position_based", "w_shaped", "markov", "shapley");
    private static final String TENANT = "bench";
    private static final String ZONE = "Europe/Berlin";
    private static final Pattern PARAM = Pattern.compile("\\?(\\d+)");
    /** The most statements a view runs side by side (a metric view's inputs). */
    private static final int STAGE_WIDTH = 5;

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int conversions = Integer.parseInt(options.getOrDefault("conversions", "200000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "15"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));
        Path dir = Path.of(options.getOrDefault("dir", "bench/target/report-bench")).toAbsolutePath();
        deleteTree(dir);
        LauncherLogging.toFile(dir.resolve("logs").resolve("postgres.log"));
        try (PostgresServer postgres = new PostgresServer(dir.resolve("postgres"), Infrastructure.freePort(), true)) {
            postgres.start();
            DatabaseCoordinates db = postgres.createServiceDatabase("reporting");
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
                migrate(c);
                long loadStart = System.nanoTime();
                load(c, conversions);
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
                System.out.printf(Locale.ROOT, "loaded %,d conversions x %d models (%,d credit sets, %,d lines,"
                                + " %,d daily sums, %,d conversion rows, %,d touch-day sums, %,d touch-day rows), %,d spend"
                                + " rows, %,d touch rows in %.1f s%n",
                        conversions, MODELS.size(), count(c, "credit_set"), count(c, "credit_line"),
                        count(c, "credit_day"), count(c, "credit_conversion"), count(c, "credit_touch_day"),
                        count(c, "credit_touch_conversion"), count(c, "spend_day"),
                        count(c, "touch_day"), loadSeconds);
                System.out.printf(Locale.ROOT, "%-44s %9s %9s %9s%n", "view (12 months unless named)", "p50 ms",
                        "p95 ms", "rows");
                List<Connection> connections = new ArrayList<>();
                ExecutorService pool = Executors.newFixedThreadPool(STAGE_WIDTH);
                try {
                    for (int i = 0; i < STAGE_WIDTH; i++) {
                        connections.add(session(db));
                    }
                    for (Map.Entry<String, List<List<Statement>>> view : views(c).entrySet()) {
                        time(connections, pool, view.getKey(), view.getValue(), warmup, runs);
                    }
                } finally {
                    pool.shutdownNow();
                    for (Connection connection : connections) {
                        connection.close();
                    }
                }
            }
        }
    }

    /**
     * Each view's statements, as MetricReportService runs them: in stages one after the other, the statements of a
     * stage side by side (each on a connection of its own). A metric view first reads the model's span of days, which
     * decides how its whole-conversion statements read their rows; {@code c} reads it here once.
     */
    private static Map<String, List<List<Statement>>> views(Connection c) throws SQLException {
        ReportScope year = scope(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of("last_touch"), false);
        ReportScope month = scope(LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30), List.of("last_touch"), false);
        ReportScope byTouch = scope(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), List.of("last_touch"), true);
        ReportScope yearBefore = scope(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of("last_touch"),
                false);
        ReportScope allModels = scope(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), MODELS, false);
        Map<String, List<List<Statement>>> views = new LinkedHashMap<>();
        views.put("channels", metricView(c, year, Grouping.CHANNEL));
        views.put("channels, one month", metricView(c, month, Grouping.CHANNEL));
        views.put("channels, dateBasis=touch", metricView(c, byTouch, Grouping.CHANNEL));
        views.put("campaigns", metricView(c, year, Grouping.CAMPAIGN));
        views.put("over-time, grain=week", metricView(c, year, Grouping.period(Grain.WEEK)));
        views.put("over-time, grain=day", metricView(c, year, Grouping.period(Grain.DAY)));
        List<List<Statement>> yearOverYear = new ArrayList<>(metricView(c, year, Grouping.period(Grain.MONTH)));
        List<List<Statement>> before = metricView(c, yearBefore, Grouping.period(Grain.MONTH));
        yearOverYear.addAll(yearOverYear.size() - 1, before.subList(0, before.size() - 1));
        views.put("year-over-year, grain=month", yearOverYear);
        views.put("model-comparison (9 models)", List.of(List.of(MetricSql.credits(allModels, Grouping.MODEL_CHANNEL)),
                List.of(MetricSql.creditsWithoutRate(year))));
        views.put("funnel", List.of(List.of(MetricSql.funnel(year))));
        views.put("data-quality", List.of(List.of(MetricSql.credits(year, Grouping.CAMPAIGN)),
                List.of(MetricSql.spend(year, Grouping.CAMPAIGN)), List.of(MetricSql.touches(year, Grouping.CHANNEL)),
                List.of(MetricSql.unknownUtmValues(year, 100)), withoutRate(year)));
        return views;
    }

    /** The span of days (when it can change a statement), the inputs, then withoutRate. */
    private static List<List<Statement>> metricView(Connection c, ReportScope scope, Grouping grouping)
            throws SQLException {
        List<List<Statement>> stages = new ArrayList<>();
        boolean whole = false;
        if (MetricSql.ordersByHours(scope)) {
            Statement span = MetricSql.span(scope);
            stages.add(List.of(span));
            try (PreparedStatement ps = prepare(c, span); ResultSet rs = ps.executeQuery()) {
                rs.next();
                whole = MetricSql.holds(scope, rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class));
            }
        }
        stages.add(List.of(MetricSql.credits(scope, grouping), MetricSql.conversions(scope, grouping, whole),
                MetricSql.conversions(scope, Grouping.TOTAL, whole), MetricSql.spend(scope, grouping),
                MetricSql.touches(scope, grouping)));
        stages.add(withoutRate(scope));
        return stages;
    }

    private static List<Statement> withoutRate(ReportScope scope) {
        return List.of(MetricSql.creditsWithoutRate(scope), MetricSql.spendWithoutRate(scope));
    }

    private static ReportScope scope(LocalDate from, LocalDate to, List<String> models, boolean touchDate) {
        ZoneId zone = ZoneId.of(ZONE);
        return new ReportScope(TENANT, models, ZONE, "EUR", from, to, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), null, null, touchDate);
    }

    private static void time(List<Connection> connections, ExecutorService pool, String name,
                             List<List<Statement>> stages, int warmup, int runs) throws Exception {
        Latencies latencies = new Latencies(runs);
        long rows = 0;
        for (int run = -warmup; run < runs; run++) {
            long start = System.nanoTime();
            rows = 0;
            for (List<Statement> stage : stages) {
                List<Future<Long>> running = new ArrayList<>();
                for (int i = 0; i < stage.size(); i++) {
                    Connection c = connections.get(i);
                    Statement statement = stage.get(i);
                    running.add(pool.submit(() -> execute(c, statement)));
                }
                for (Future<Long> done : running) {
                    rows += done.get();
                }
            }
            if (run >= 0) {
                latencies.add(System.nanoTime() - start);
            }
        }
        System.out.printf(Locale.ROOT, "%-44s %9.1f %9.1f %9d%n", name, latencies.percentileMillis(50),
                latencies.percentileMillis(95), rows);
    }

    /** A connection set up as the service's sessions are (reporting-service application.properties). */
    private static Connection session(DatabaseCoordinates db) throws SQLException {
        Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("set max_parallel_workers_per_gather = 0");
        }
        return c;
    }

    /** Runs one statement over JDBC and reads every row. */
    private static long execute(Connection c, Statement statement) throws SQLException {
        try (PreparedStatement ps = prepare(c, statement)) {
            long rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
            return rows;
        }
    }

    /** The statement prepared over JDBC, its ?n parameters bound by position. */
    private static PreparedStatement prepare(Connection c, Statement statement) throws SQLException {
        Matcher matcher = PARAM.matcher(statement.text());
        List<Object> bound = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        while (matcher.find()) {
            bound.add(statement.params()[Integer.parseInt(matcher.group(1)) - 1]);
            matcher.appendReplacement(sql, "?");
        }
        matcher.appendTail(sql);
        PreparedStatement ps = c.prepareStatement(sql.toString());
        for (int i = 0; i < bound.size(); i++) {
            ps.setObject(i + 1, bound.get(i));
        }
        return ps;
    }

    private static final String REPORTING_FIRST_MIGRATION = "db/migration/V1__credit_sets_and_tenant_zones.sql";

    /** Reporting's migrations from its jar, in version order (messaging's tables are not needed here). */
    private static void migrate(Connection c) throws IOException, SQLException, java.net.URISyntaxException {
        // Other services' jars on the class path have a db/migration folder too: find reporting's by its first script.
        URI uri = ReportBench.class.getClassLoader().getResource(REPORTING_FIRST_MIGRATION).toURI();
        List<String> scripts = new ArrayList<>();
        if (uri.getScheme().equals("jar")) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                scripts.addAll(read(jar.getPath("db/migration")));
            }
        } else {
            scripts.addAll(read(Path.of(uri).getParent()));
        }
        try (java.sql.Statement s = c.createStatement()) {
            for (String script : scripts) {
                s.execute(script);
            }
        }
    }

    private static List<String> read(Path folder) throws IOException {
        List<String> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(
                            f.getFileName().toString().substring(1, f.getFileName().toString().indexOf("__")))))
                    .toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    scripts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return scripts;
    }

    /**
     * A year of one tenant's data, made in the database (seeded): conversions with 1–4 touches over 12 channels and 60
     * campaigns, 15 % without an eligible touch, 2 % in USD without a rate; first touch a minute to 30 days before the
     * conversion (to the second, most within a week); single-touch models credit one line, the
     * others every touch; daily spend per campaign (10 % in USD with a base amount, 1 % without); touch counts;
     * 30 % offline, 20 % leads with their stages.
     */
    private static void load(Connection c, int conversions) throws SQLException {
        String models = String.join(",", MODELS.stream().map(m -> "('" + m + "', " + (m.contains("touch")
                || m.equals("last_non_direct") ? "true" : "false") + ")").toList());
        String[] sql = {
            "select setseed(0.2026)",
            "insert into tenant_zone (tenant, time_zone, base_currency) values ('bench', '" + ZONE + "', 'EUR')",
            "create temp table conv as select g as n, 'c' || g as id,"
                + " timestamptz '2024-12-31 23:00:00+00' + random() * interval '365 days' as at,"
                + " (1000 + floor(random() * 99000))::bigint as value, random() < 0.85 as matched,"
                + " 1 + floor(random() * 4)::int as path, random() < 0.02 as no_rate,"
                + " random() < 0.3 as offline, random() < 0.2 as lead,"
                // Times to convert as customers have them: to the second, mostly within days, some near the window.
                + " date_trunc('second', (random() ^ 2) * interval '30 days') + interval '1 minute' as gap"
                + " from generate_series(1, " + conversions + ") g",
            "create temp table model (model_id text, single boolean)",
            "insert into model values " + models,
            "insert into credit_set (tenant, conversion_id, model_id, set_version, status, conversion_type,"
                + " conversion_time, currency, value_minor, matched, base_currency, base_value_minor, rate_missing,"
                + " touch_count, first_touch_time)"
                + " select 'bench', c.id, m.model_id, 1, 'active', 'purchase', c.at,"
                + " case when c.no_rate then 'USD' else 'EUR' end, c.value, c.matched, 'EUR',"
                + " case when c.no_rate then null else c.value end, c.no_rate,"
                + " case when not c.matched then 0 when m.single then 1 else c.path end,"
                + " case when c.matched then c.at - c.gap end"
                + " from conv c cross join model m",
            "insert into credit_line (tenant, conversion_id, model_id, line_no, channel, source, medium, campaign,"
                + " credit_minor, fractional_conversions, base_credit_minor, touch_time)"
                + " select 'bench', c.id, m.model_id, i,"
                + " case when not c.matched then 'unattributed' else 'channel_' || ((c.n * 7 + i * 13) % 12) end,"
                + " 'src', 'med', case when c.matched then 'campaign_' || ((c.n + i) % 5) end,"
                + " c.value / k.lines, 1.0 / k.lines, case when c.no_rate then null else c.value / k.lines end,"
                + " case when c.matched then c.at - c.gap * (c.path - i + 1) / c.path end"
                + " from conv c cross join model m"
                + " cross join lateral (select case when m.single or not c.matched then 1 else c.path end as lines) k"
                + " cross join lateral generate_series(1, k.lines) i",
            "insert into conversion_fact (tenant, conversion_id, offline, lead)"
                + " select 'bench', id, offline, lead from conv where offline or lead",
            "insert into lead_stage (tenant, conversion_id, stage, reached_at)"
                + " select 'bench', c.id, s.stage, c.at - s.back * interval '1 day' from conv c"
                + " cross join (values ('new', 20), ('qualified', 15), ('mql', 10), ('sql', 5), ('won', 0)) s(stage, back)"
                + " where c.lead and (s.stage <> 'won' or c.n % 2 = 0)",
            "insert into spend_day (tenant, day, channel, campaign, currency, amount_minor, base_currency,"
                + " base_amount_minor, received_at)"
                + " select 'bench', d::date, 'channel_' || ch, 'campaign_' || cp,"
                + " case when random() < 0.11 then 'USD' else 'EUR' end, (500 + floor(random() * 50000))::bigint,"
                + " 'EUR', null, now() from generate_series(date '2025-01-01', date '2025-12-31', interval '1 day') d"
                + " cross join generate_series(0, 11) ch cross join generate_series(0, 4) cp",
            "update spend_day set base_amount_minor = case when currency = 'EUR' then amount_minor"
                + " when random() < 0.9 then amount_minor * 92 / 100 end",
            "insert into touch_day (tenant, day, channel, campaign, touches, suppressed)"
                + " select 'bench', d::date, 'channel_' || ch, 'campaign_' || cp, (50 + floor(random() * 500))::bigint,"
                + " floor(random() * 20)::bigint"
                + " from generate_series(date '2025-01-01', date '2025-12-31', interval '1 day') d"
                + " cross join generate_series(0, 11) ch cross join generate_series(0, 4) cp",
            "insert into unknown_utm_day (tenant, day, field, value, touches)"
                + " select 'bench', d::date, 'source', 'odd_' || v, 1 + floor(random() * 9)::bigint"
                + " from generate_series(date '2025-01-01', date '2025-12-31', interval '1 day') d"
                + " cross join generate_series(0, 19) v",
            // The daily credit sums and conversion rows the service keeps at intake, by conversion and by touch day,
            // filed as its statements file them.
            CreditDaySql.CONVERSION_DAY.addTenant().replace("?1", "'bench'"),
            CreditConversionSql.CONVERSION_DAY.addTenant().replace("?1", "'bench'"),
            CreditDaySql.TOUCH_DAY.addTenant().replace("?1", "'bench'"),
            CreditConversionSql.TOUCH_DAY.addTenant().replace("?1", "'bench'"),
            // As autovacuum leaves a live database: visibility maps set (index-only scans without heap fetches) and
            // statistics current, so that autovacuum does not run through the timed views.
            "vacuum analyze",
        };
        try (java.sql.Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
