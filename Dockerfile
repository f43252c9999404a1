# syntax=docker/dockerfile:1
# support-hub image: `docker build -t support-hub .`, or `docker compose build` (see docs/operations.md).
# Needs BuildKit (the default builder since Docker 23): the build uses a cache mount and a heredoc.

########## build: the same command as on a developer machine
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY src ./src
# The cache mount keeps ~/.m2 between builds, so a source change does not download every dependency again.
RUN --mount=type=cache,target=/root/.m2 mvn -B -ntp package -DskipTests

########## run
# The Ubuntu (noble) flavour of the Temurin JRE image ships curl and wget (the Alpine and UBI
# flavours differ), so the HEALTHCHECK below can use curl; pinning the flavour keeps that true.
FROM eclipse-temurin:17-jre-noble

# A system user with a fixed numeric id (runAsNonRoot checks want a number), no home, no shell.
RUN groupadd --system --gid 10001 hub \
 && useradd --system --uid 10001 --gid hub --no-create-home --home-dir /app --shell /usr/sbin/nologin hub

WORKDIR /app
# The jar's manifest names its libraries as lib/*.jar, so the jar and lib/ stay side by side.
# Files stay owned by root: the hub only reads them.
COPY --from=build /build/target/lib/ ./lib/
COPY --from=build /build/target/support-hub.jar ./support-hub.jar
COPY routes/ ./routes/
COPY connectors-config/ ./connectors-config/

# Secrets as files. application.properties and the connectors-config templates read the
# variables below from the environment. So that Docker or Kubernetes secrets (files under
# /run/secrets) can feed them, the entrypoint sets NAME from the file that NAME_FILE names, for
# the hub's own variable prefixes only, then execs the JVM (through the base image's CA-certificate
# entrypoint, which honours USE_SYSTEM_CA_CERTS=1 and /certificates). Setting both NAME and
# NAME_FILE is an error rather than a silent choice.
COPY --chmod=755 <<'EOF' /usr/local/bin/support-hub
#!/bin/sh
set -eu
for name in $(env | sed -n 's/^\(\(HUB\|MAILBOX\|SMTP\|SALESFORCE\|SLACK\)_[A-Za-z0-9_]*\)_FILE=.*/\1/p'); do
  eval "file=\${${name}_FILE}"
  eval "already=\${${name}:-}"
  if [ -n "$already" ]; then
    echo "support-hub: both $name and ${name}_FILE are set; set only one" >&2
    exit 2
  fi
  if [ ! -r "$file" ]; then
    echo "support-hub: ${name}_FILE names $file, which cannot be read" >&2
    exit 2
  fi
  value=$(cat "$file")
  export "$name=$value"
  unset "${name}_FILE"
done
# JAVA_OPTS is split on spaces on purpose (one flag per word).
# shellcheck disable=SC2086
exec /__cacert_entrypoint.sh java ${JAVA_OPTS:-} -jar /app/support-hub.jar "$@"
EOF

# Containers listen on all interfaces; the ports are the defaults, repeated so they are visible here.
ENV HUB_HTTP_HOST=0.0.0.0 \
    HUB_HTTP_PORT=8080 \
    HUB_MGMT_HOST=0.0.0.0 \
    HUB_MGMT_PORT=9876 \
    HUB_ROUTES_DIR=/app/routes \
    HUB_CONNECTORS_CONFIG=/app/connectors-config
# Heap from the container's memory limit rather than the host's; stop on OutOfMemoryError so the
# orchestrator restarts a clean JVM instead of one in an unknown state.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=25.0 -XX:+ExitOnOutOfMemoryError"

USER 10001:10001
EXPOSE 8080 9876

# Management port, loopback: 503 (DOWN) or no answer makes curl -f fail. Assumes HUB_MGMT_HOST is
# 0.0.0.0 or 127.0.0.1 (the defaults); the port follows HUB_MGMT_PORT. Start-up runs the database
# migrations first, hence the start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS --max-time 4 -o /dev/null "http://127.0.0.1:${HUB_MGMT_PORT:-9876}/observe/health" || exit 1

# Arguments go to the jar: `run` (default), or e.g. `docker run IMAGE sandbox`.
ENTRYPOINT ["/usr/local/bin/support-hub"]
CMD ["run"]
