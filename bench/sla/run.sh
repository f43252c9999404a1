#!/usr/bin/env bash
# The SLA sweep benchmark in one command: builds the hub, then runs bench/sla/SlaSweepBenchmark.java
# against the PostgreSQL server named by BENCH_JDBC_URL (default: 127.0.0.1:5432, user postgres),
# in a fresh database per size that it drops afterwards.
#
#   bench/sla/run.sh                                    # 10,000, 100,000 and 1,000,000 open clocks, 3 min each
#   bench/sla/run.sh --sizes 100000 --minutes 10        # one size, a longer run
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -ntp -q -o compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=runtime
exec java -Xmx2g -cp "target/classes:$(cat target/cp.txt)" bench/sla/SlaSweepBenchmark.java "$@"
