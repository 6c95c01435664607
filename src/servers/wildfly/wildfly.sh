#!/usr/bin/env bash
# Portcullis on WildFly 39: makes a server from an unzipped WildFly, deploys an EAR, and starts, stops or kills it.
# Used by the test harness (it.dev.portcullis.support.WildFlyServer) and by people (src/docs/deploy-wildfly.md).
# Everything is set by environment variables:
#
#   WILDFLY_HOME   the unzipped distribution (wildfly-39.0.1.Final); the Derby module and EclipseLink go into its
#                  modules/ (install.sh)                                                     required
#   SERVER_DIR     the server's own base directory (a copy of standalone/: configuration, data, deployments, log)
#                                                                        $WILDFLY_HOME/standalone
#   JARS           a directory with derby.jar, derbyshared.jar, derbytools.jar, eclipselink.jar   (for create)
#   PORT_BASE      HTTPS = base+1, HTTP = base+2, management = base+3 (loopback), management HTTPS = base+4   9800
#   ISSUER         the public HTTPS URL of the server                    https://localhost:$((PORT_BASE+1))
#   MCP_RESOURCE   the MCP endpoint's URL                                $ISSUER/mcp
#   TOKEN_CLOCK_SKEW_SECONDS  the clock skew MicroProfile JWT allows     30
#   REALM          demo (the demo users) or ldap (LDAP_* below, realm-ldap.cli)              demo
#   LDAP_URL, LDAP_BASE_DN, LDAP_BIND_DN, LDAP_BIND_PASSWORD: the directory, for REALM=ldap
#   APP_PROPERTIES a file of key=value lines: more MicroProfile Config settings of the application    (none)
#   RELOAD_TIMEOUT_MS  how long "realm" waits for the reloaded server to answer again             180000
#
# Usage: wildfly.sh create | deploy EAR | start | stop | kill | realm (switch the running server to REALM)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
: "${WILDFLY_HOME:?the unzipped WildFly (wildfly-39.0.1.Final)}"
SERVER_DIR="${SERVER_DIR:-${WILDFLY_HOME}/standalone}"
PORT_BASE="${PORT_BASE:-9800}"
HTTPS_PORT=$((PORT_BASE + 1))
HTTP_PORT=$((PORT_BASE + 2))
MANAGEMENT_PORT=$((PORT_BASE + 3))
ISSUER="${ISSUER:-https://localhost:${HTTPS_PORT}}"
MCP_RESOURCE="${MCP_RESOURCE:-${ISSUER}/mcp}"
REALM="${REALM:-demo}"
config="${SERVER_DIR}/configuration"
pidfile="${SERVER_DIR}/wildfly.pid"
cli=("${WILDFLY_HOME}/bin/jboss-cli.sh" "-Djboss.server.base.dir=${SERVER_DIR}")
online=("${WILDFLY_HOME}/bin/jboss-cli.sh" --controller="127.0.0.1:${MANAGEMENT_PORT}" --connect)

# The LDAP realm's settings as CLI properties (jboss-cli resolves ${...} in a command from --properties).
ldap_properties() {
  umask 077
  {
    printf 'ldap.url=%s\n' "${LDAP_URL:?ldap://host:port or ldaps://host:port}"
    printf 'ldap.base.dn=%s\n' "${LDAP_BASE_DN:?e.g. dc=example,dc=com}"
    printf 'ldap.bind.dn=%s\n' "${LDAP_BIND_DN:?the service account DN}"
    printf 'ldap.bind.password=%s\n' "${LDAP_BIND_PASSWORD:?the service account password}"
  } > "$1"
}

create() {
  : "${JARS:?a directory with derby.jar, derbyshared.jar, derbytools.jar and eclipselink.jar}"
  if [[ "$SERVER_DIR" != "${WILDFLY_HOME}/standalone" ]]; then
    rm -rf "$SERVER_DIR"
    mkdir -p "$(dirname "$SERVER_DIR")"
    cp -r "${WILDFLY_HOME}/standalone" "$SERVER_DIR"
    # A fresh server: no database, keys, logs or deployments of a server that once ran in WILDFLY_HOME.
    rm -rf "${SERVER_DIR}/data" "${SERVER_DIR}/log" "${SERVER_DIR}/tmp" "${SERVER_DIR}"/deployments/*.ear*
  fi
  "$here/install.sh" "$WILDFLY_HOME" "$JARS" "$SERVER_DIR"
  if [[ "$REALM" == "ldap" ]]; then
    local settings script; settings="$(mktemp)"; script="$(mktemp)"; ldap_properties "$settings"
    # The embedded server opens the keystore, so it needs its password too.
    cat "${config}/portcullis-tls.properties" >> "$settings"
    { echo "embed-server --server-config=standalone-portcullis.xml --std-out=discard"; cat "$here/realm-ldap.cli";
      echo "stop-embedded-server"; } > "$script"
    "${cli[@]}" --resolve-parameter-values --properties="$settings" --file="$script"
    rm -f "$settings" "$script"
  fi
}

deploy() {
  cp "${1:?the EAR}" "${SERVER_DIR}/deployments/portcullis.ear"
}

# The server's own settings, as a properties file (-P): values with "$" or spaces survive, unlike -D arguments.
server_properties() {
  umask 077
  {
    printf 'https.port=%s\nhttp.port=%s\n' "$HTTPS_PORT" "$HTTP_PORT"
    printf 'jboss.management.http.port=%s\njboss.management.https.port=%s\n' "$MANAGEMENT_PORT" $((PORT_BASE + 4))
    printf 'portcullis.issuer=%s\nportcullis.mcp.resource=%s\n' "$ISSUER" "$MCP_RESOURCE"
    if [[ -n "${TOKEN_CLOCK_SKEW_SECONDS:-}" ]]; then
      printf 'portcullis.token.clock.skew.seconds=%s\n' "$TOKEN_CLOCK_SKEW_SECONDS"
    fi
  } > "${SERVER_DIR}/portcullis-server.properties"
}

start() {
  server_properties
  local properties=(-P "${config}/portcullis-tls.properties" -P "${SERVER_DIR}/portcullis-server.properties")
  if [[ -n "${APP_PROPERTIES:-}" ]]; then
    properties+=(-P "$APP_PROPERTIES")
  fi
  mkdir -p "${SERVER_DIR}/log"
  rm -f "$pidfile"
  LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE="$pidfile" nohup "${WILDFLY_HOME}/bin/standalone.sh" \
    -Djboss.server.base.dir="$SERVER_DIR" -c standalone-portcullis.xml "${properties[@]}" \
    > "${SERVER_DIR}/log/console.log" 2>&1 < /dev/null &
  for _ in $(seq 1 60); do [[ -s "$pidfile" ]] && return 0; sleep 1; done
  echo "WildFly did not start (see ${SERVER_DIR}/log/console.log)" >&2
  return 1
}

await_exit() {
  local pid="$1"
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  return 1
}

stop() {
  [[ -s "$pidfile" ]] || return 0
  local pid; pid="$(cat "$pidfile")"
  "${online[@]}" --command=":shutdown(timeout=30)" > /dev/null 2>&1 || true
  await_exit "$pid" || { kill -9 "$pid" 2>/dev/null || true; await_exit "$pid"; }
  rm -f "$pidfile"
}

kill_server() {
  [[ -s "$pidfile" ]] || return 0
  local pid; pid="$(cat "$pidfile")"
  kill -9 "$pid" 2>/dev/null || true
  await_exit "$pid"
  rm -f "$pidfile"
}

realm() {
  if [[ "$REALM" == "ldap" ]]; then
    local settings; settings="$(mktemp)"; ldap_properties "$settings"
    "${online[@]}" --resolve-parameter-values --properties="$settings" --file="$here/realm-ldap.cli"
    rm -f "$settings"
  else
    "${online[@]}" --file="$here/realm-demo.cli"
  fi
  # "reload" (the command, not the operation) waits until the server is back, but only for jboss-cli's connection
  # timeout plus a second (5 s by default: "Failed to establish connection in 6049ms" while the EAR redeploys).
  "${online[@]}" --timeout="${RELOAD_TIMEOUT_MS:-180000}" --command="reload"
}

case "${1:-}" in
  create) create ;;
  deploy) deploy "${2:-}" ;;
  start) start ;;
  stop) stop ;;
  kill) kill_server ;;
  realm) realm ;;
  *) echo "usage: $0 create | deploy EAR | start | stop | kill | realm" >&2; exit 2 ;;
esac
