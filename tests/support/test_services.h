#pragma once

#include <QString>

namespace mccig::test {

// URLs of the Redis and PostgreSQL the test run started (scripts/test-services.sh),
// from MCCIG_TEST_REDIS_URL / MCCIG_TEST_DATABASE_URL. A missing service is a
// test failure, never a skip: these QFAIL when the variable is unset.
QString redisUrl();
QString databaseUrl();

// The same Redis, database number `db` (0-31: scripts/test-services.sh starts it with 32), so test executables running in
// parallel do not see each other's keys.
QString redisUrlForDatabase(int db);

// A PostgreSQL database of this name, created empty (dropped first if it existed).
QString freshDatabaseUrl(const QString& name);

} // namespace mccig::test
