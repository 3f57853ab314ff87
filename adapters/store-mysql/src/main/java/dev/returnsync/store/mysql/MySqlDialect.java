package dev.returnsync.store.mysql;

import dev.returnsync.store.jdbc.BatchWriter;
import dev.returnsync.store.jdbc.Dialect;
import dev.returnsync.store.jdbc.ServerSetupException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's ways: {@code returnsync_} tables in the connection's database, {@code DATETIME(6)} in UTC,
 * {@code GET_LOCK} for migrations, InnoDB's error codes, and the checks of server version, isolation, SQL mode and
 * collations.
 */
final class MySqlDialect implements Dialect {
    /** The migration file that creates the procedure {@code returnsync_append}. */
    static final String APPEND_PROCEDURE_FILE = "V4__append_procedure.sql";
    static final List<String> MIGRATIONS = List.of("V1__case_store.sql", "V2__unread_indexes.sql",
            "V3__outbox_keyed_by_work.sql", APPEND_PROCEDURE_FILE);
    static final String LOCATION = "db/returnsync/mysql";
    static final String PREFIX = "returnsync_";
    static final String COLLATION = "utf8mb4_bin";

    private static final int DUPLICATE_KEY = 1062;
    private static final int NULL_IN_NOT_NULL_COLUMN = 1048;
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int MIGRATION_LOCK_SECONDS = 60;
    /** The session variable that keeps the connection's sql_mode while migrations run. */
    private static final String SQL_MODE_BEFORE = "@returnsync_migration_sql_mode";
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

    @Override
    public String product() {
        return "MySQL";
    }

    @Override
    public String describeSchema() {
        return "database of the data source";
    }

    @Override
    public String migrationLocation() {
        return LOCATION;
    }

    @Override
    public List<String> migrations() {
        return MIGRATIONS;
    }

    @Override
    public String table(String name) {
        return PREFIX + name;
    }

    @Override
    public String quote(String column) {
        return '`' + column + '`';
    }

    /** One round trip per batch on any connection: a call of the procedure {@code returnsync_append}. */
    @Override
    public BatchWriter batchWriter(Connection connection) {
        return new MySqlBatchWriter(this);
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }

    @Override
    public Instant getInstant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /**
     * Takes the migration lock, and notes the session's {@code sql_mode}, which the append procedure's file changes
     * while it creates the procedure.
     */
    @Override
    public void lockMigrations(Connection connection) throws SQLException {
        try (Statement note = connection.createStatement()) {
            note.execute("SET " + SQL_MODE_BEFORE + " = @@SESSION.sql_mode");
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
            lock.setString(1, lockName(connection));
            lock.setInt(2, MIGRATION_LOCK_SECONDS);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                if (rs.getInt(1) != 1) {
                    throw new ServerSetupException(product(), "another process held the migration lock for more than "
                            + MIGRATION_LOCK_SECONDS + " s");
                }
            }
        }
    }

    /**
     * Puts the session's {@code sql_mode} back as it was when the lock was taken, even after a file that failed before
     * it could (the connection may be a host's pooled one), then releases the lock.
     */
    @Override
    public void unlockMigrations(Connection connection) throws SQLException {
        try (Statement restore = connection.createStatement()) {
            restore.execute("SET SESSION sql_mode = " + SQL_MODE_BEFORE);
            restore.execute("SET " + SQL_MODE_BEFORE + " = NULL");
        }
        try (PreparedStatement unlock = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            unlock.setString(1, lockName(connection));
            unlock.execute();
        }
    }

    /** A lock per database: GET_LOCK names are server-wide. */
    private static String lockName(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT DATABASE()")) {
            rs.next();
            return "returnsync.schema." + rs.getString(1);
        }
    }

    @Override
    public void enterSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT DATABASE()")) {
            rs.next();
            if (rs.getString(1) == null) {
                throw new ServerSetupException(product(), "the data source's connections have no database: name one"
                        + " in the JDBC URL");
            }
        }
    }

    @Override
    public boolean hasVersionTable(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = ?")) {
            exists.setString(1, table("schema_version"));
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public boolean isConflict(SQLException error) {
        return error.getErrorCode() == DUPLICATE_KEY || error.getErrorCode() == NULL_IN_NOT_NULL_COLUMN;
    }

    @Override
    public boolean isTransient(SQLException error) {
        return error.getErrorCode() == DEADLOCK || error.getErrorCode() == LOCK_WAIT_TIMEOUT
                || "40001".equals(error.getSQLState());
    }

    @Override
    public void checkServer(Connection connection) throws SQLException {
        checkVersion(connection);
        checkIsolation(connection);
        checkSqlMode(connection);
        checkAppendProcedure(connection);
        checkCollations(connection);
    }

    /** {@code SKIP LOCKED} came with MySQL 8.0.1 and MariaDB 10.6. */
    private void checkVersion(Connection connection) throws SQLException {
        String version = single(connection, "SELECT VERSION()");
        Matcher number = VERSION.matcher(version);
        if (!number.find()) {
            throw new ServerSetupException(product(), "the server version cannot be read");
        }
        int major = Integer.parseInt(number.group(1));
        int minor = Integer.parseInt(number.group(2));
        boolean mariaDb = version.toLowerCase().contains("mariadb");
        boolean supported = mariaDb ? major > 10 || major == 10 && minor >= 6 : major >= 8;
        if (!supported) {
            throw new ServerSetupException(product(), "the server must be MySQL 8.0 or later or MariaDB 10.6 or later"
                    + " (for FOR UPDATE SKIP LOCKED), was " + (mariaDb ? "MariaDB " : "MySQL ") + major + "." + minor);
        }
    }

    /** The store sets READ COMMITTED on the connection for each transaction: the server must honour it. */
    private void checkIsolation(Connection connection) throws SQLException {
        int before = connection.getTransactionIsolation();
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        try {
            String isolation;
            try {
                isolation = single(connection, "SELECT @@transaction_isolation");
            } catch (SQLException unknownVariable) {
                isolation = single(connection, "SELECT @@tx_isolation");   // MariaDB before 11.1
            }
            if (!"READ-COMMITTED".equalsIgnoreCase(isolation)) {
                throw new ServerSetupException(product(), "transaction isolation must be settable to READ COMMITTED"
                        + " per connection, but the session reports " + isolation);
            }
        } finally {
            connection.setTransactionIsolation(before);
        }
    }

    /** A lenient SQL mode would cut a too long id or number instead of refusing it, and let a guard's null through. */
    private void checkSqlMode(Connection connection) throws SQLException {
        if (!strict(single(connection, "SELECT @@SESSION.sql_mode"))) {
            throw new ServerSetupException(product(), "sql_mode must include STRICT_TRANS_TABLES (or STRICT_ALL_TABLES),"
                    + " so that a value too long for its column is refused, not cut");
        }
    }

    /**
     * The append procedure runs under the SQL mode it was created under, and its text parameters hold what the
     * character set they were created with holds (the database's default, unless declared): it must be strict, and
     * every text parameter utf8mb4 with the binary collation, as its migration file creates it.
     */
    private void checkAppendProcedure(Connection connection) throws SQLException {
        String procedure = table("append");
        String mode;
        try (PreparedStatement routine = connection.prepareStatement("SELECT sql_mode FROM information_schema.routines"
                + " WHERE routine_schema = DATABASE() AND routine_name = ?")) {
            routine.setString(1, procedure);
            try (ResultSet rs = routine.executeQuery()) {
                mode = rs.next() ? rs.getString(1) : null;
            }
        }
        if (mode == null || !strict(mode)) {
            throw new ServerSetupException(product(), "the procedure " + procedure + " must exist, created under a strict"
                    + " sql_mode, as " + APPEND_PROCEDURE_FILE + " creates it (a dump restored without its routines"
                    + " lacks it): run that file again");
        }
        List<String> wrong = new ArrayList<>();
        try (PreparedStatement parameters = connection.prepareStatement("SELECT parameter_name"
                + " FROM information_schema.parameters WHERE specific_schema = DATABASE() AND specific_name = ?"
                + " AND collation_name IS NOT NULL AND collation_name <> ? ORDER BY ordinal_position")) {
            parameters.setString(1, procedure);
            parameters.setString(2, COLLATION);
            try (ResultSet rs = parameters.executeQuery()) {
                while (rs.next()) {
                    wrong.add(rs.getString(1));
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new ServerSetupException(product(), "the text parameters of the procedure " + procedure + " must be"
                    + " utf8mb4 with the collation " + COLLATION + ", as " + APPEND_PROCEDURE_FILE + " creates them (run"
                    + " that file again), but these are not: " + String.join(", ", wrong));
        }
    }

    private static boolean strict(String sqlMode) {
        return sqlMode.contains("STRICT_TRANS_TABLES") || sqlMode.contains("STRICT_ALL_TABLES");
    }

    /** Ids and numbers compare by their exact characters: every text column of the store uses utf8mb4_bin. */
    private void checkCollations(Connection connection) throws SQLException {
        List<String> wrong = new ArrayList<>();
        try (PreparedStatement columns = connection.prepareStatement("SELECT table_name, column_name"
                + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name LIKE ?"
                + " AND collation_name IS NOT NULL AND collation_name <> ? ORDER BY table_name, column_name")) {
            columns.setString(1, PREFIX.replace("_", "\\_") + "%");
            columns.setString(2, COLLATION);
            try (ResultSet rs = columns.executeQuery()) {
                while (rs.next()) {
                    wrong.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new ServerSetupException(product(), "the text columns must use the collation " + COLLATION
                    + ", but these do not: " + String.join(", ", wrong));
        }
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
