#!/usr/bin/env bash
# Portcullis on Payara Server 6: creates a domain, applies src/servers/payara/*.asadmin, deploys an EAR, and starts,
# stops or kills the domain. Used by the test harness (it.dev.portcullis.support.PayaraServer) and by people
# (src/docs/deploy-payara.md). Everything is set by environment variables:
#
#   PAYARA_HOME    the unzipped distribution (its bin/asadmin)           required
#   DOMAIN_DIR     the directory that holds the domain                   required
#   DOMAIN_NAME    the domain's name                                     portcullis
#   PORT_BASE      asadmin --portbase: admin = base+48, HTTP = base+80, HTTPS = base+81, ...   9600
#   ISSUER         the public HTTPS URL of the server                    https://localhost:$((PORT_BASE+81))
#   MCP_RESOURCE   the MCP endpoint's URL                                $ISSUER/mcp
#   TOKEN_ISSUER, TOKEN_JWKS_URI, TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_CLOCK_SKEW_SECONDS: whose tokens /mcp takes
#                  (default: the built-in authorization server's, ES256, audience $MCP_RESOURCE, 30 s skew)
#   DERBY_JARS     a directory with derby.jar, derbyshared.jar, derbytools.jar                 (for create)
#   REALM          file (the demo users) or ldap (LDAP_* below)          file
#   LDAP_URL, LDAP_BASE_DN, LDAP_BIND_DN, LDAP_BIND_PASSWORD: the directory, for REALM=ldap (realm-ldap.asadmin)
#   APP_PROPERTIES a file of key=value lines: more MicroProfile Config settings of the application    (none)
#
# Usage: payara.sh create (leaves the domain running) | start | stop | kill | deploy EAR | realm (switch the running domain to REALM)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
: "${PAYARA_HOME:?the unzipped Payara Server (payara6)}"
: "${DOMAIN_DIR:?where the domain lives}"
DOMAIN_NAME="${DOMAIN_NAME:-portcullis}"
PORT_BASE="${PORT_BASE:-9600}"
ADMIN_PORT=$((PORT_BASE + 48))
HTTPS_PORT=$((PORT_BASE + 81))
ISSUER="${ISSUER:-https://localhost:${HTTPS_PORT}}"
MCP_RESOURCE="${MCP_RESOURCE:-${ISSUER}/mcp}"
REALM="${REALM:-file}"
# MicroProfile JWT for /mcp (see domain.asadmin): the built-in authorization server by default.
TOKEN_ISSUER="${TOKEN_ISSUER:-${ISSUER}}"
TOKEN_JWKS_URI="${TOKEN_JWKS_URI:-https://localhost:${HTTPS_PORT}/oauth/jwks}"
TOKEN_ALGORITHM="${TOKEN_ALGORITHM:-ES256}"
TOKEN_AUDIENCE="${TOKEN_AUDIENCE:-${MCP_RESOURCE}}"
TOKEN_CLOCK_SKEW_SECONDS="${TOKEN_CLOCK_SKEW_SECONDS:-30}"
BIND_ADDRESS="${BIND_ADDRESS:-127.0.0.1}"
asadmin="${PAYARA_HOME}/bin/asadmin"
domain="${DOMAIN_DIR}/${DOMAIN_NAME}"
remote=("$asadmin" --host 127.0.0.1 --port "$ADMIN_PORT" --user admin --interactive=false)

# Fills each @VARIABLE@ with the shell variable's value; drops comments and blank lines.
render() {
  local line name
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    # Each placeholder once, its value quoted: a value never becomes a pattern, a "&" or another placeholder.
    for name in $(grep -o '@[A-Z_]*@' <<<"$line" | sort -u | tr -d '@'); do
      line="${line//"@${name}@"/"${!name}"}"
    done
    printf '%s\n' "$line"
  done < "$1"
}

escape() {
  printf '%s' "$1" | sed 's/[:=]/\\\\&/g'
}

# The LDAP realm's settings, escaped for asadmin, which splits --property on ":" and "=" ("\:"), in a multimode
# command file, which takes one backslash itself ("\\:").
ldap_settings() {
  LDAP_URL="$(escape "${LDAP_URL:?ldap://host:port or ldaps://host:port}")"
  LDAP_BASE_DN="$(escape "${LDAP_BASE_DN:?e.g. dc=example,dc=com}")"
  LDAP_BIND_DN="$(escape "${LDAP_BIND_DN:?the service account DN}")"
  LDAP_BIND_PASSWORD="$(escape "${LDAP_BIND_PASSWORD:?the service account password}")"
}

create() {
  rm -rf "$domain"
  mkdir -p "$DOMAIN_DIR"
  local secrets; secrets="$(mktemp -d)"; chmod 700 "$secrets"
  # A random master password guards the keystore; it is saved in the domain (master-password), as Liberty saves
  # its keystore password in server.env.
  local master; master="$(head -c 18 /dev/urandom | base64 | tr -d '/+=')"
  printf 'AS_ADMIN_MASTERPASSWORD=%s\nAS_ADMIN_PASSWORD=\n' "$master" > "$secrets/create"
  "$asadmin" --user admin --passwordfile "$secrets/create" --interactive=false create-domain --nopassword=true \
    --savemasterpassword=true --portbase "$PORT_BASE" \
    --hazelcastautoincrement=false \
    --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME"
  printf '%s' "$master" > "$domain/config/portcullis-keystore-password"
  chmod 600 "$domain/config/portcullis-keystore-password"

  # HTTPS: a self-signed certificate for localhost (the generated one names the machine's host name), under the
  # alias the HTTPS listener uses; the domain's truststore trusts it, so MP JWT can fetch the server's own JWKS.
  local keystore="$domain/config/keystore.p12" truststore="$domain/config/cacerts.p12"
  # The key of clustered instances is not needed by a single server, and a keystore with one key entry is unambiguous.
  keytool -delete -alias s1as -keystore "$keystore" -storepass "$master" >/dev/null
  keytool -delete -alias glassfish-instance -keystore "$keystore" -storepass "$master" >/dev/null
  keytool -genkeypair -alias s1as -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA -validity 825 \
    -dname "CN=localhost" -ext "SAN=dns:localhost,ip:127.0.0.1" -keystore "$keystore" -storepass "$master" \
    -keypass "$master" >/dev/null
  keytool -exportcert -alias s1as -keystore "$keystore" -storepass "$master" -file "$secrets/s1as.cer" >/dev/null
  keytool -delete -alias s1as -keystore "$truststore" -storepass "$master" >/dev/null 2>&1 || true
  keytool -importcert -noprompt -alias s1as -file "$secrets/s1as.cer" -keystore "$truststore" -storepass "$master" >/dev/null

  # Embedded Derby for jdbc/portcullis: the driver in the domain's lib/ (Payara ships H2, not Derby).
  cp "${DERBY_JARS:?the directory of derby.jar, derbyshared.jar and derbytools.jar}"/derby*.jar "$domain/lib/"
  DERBY_DATABASE="$domain/data/portcullis"

  if [[ "$REALM" == ldap ]]; then ldap_settings; fi

  start
  local commands="$secrets/domain.asadmin"
  render "$here/domain.asadmin" > "$commands"
  render "$here/realm-${REALM}.asadmin" >> "$commands"
  if [[ -n "${APP_PROPERTIES:-}" ]]; then
    # key=value lines become MicroProfile Config properties of the domain.
    sed -n 's/^[[:space:]]*\([^#=[:space:]][^=]*\)=\(.*\)$/set-config-property --source=domain --propertyName=\1 --propertyValue="\2"/p' \
      "$APP_PROPERTIES" >> "$commands"
  fi
  "${remote[@]}" multimode --file "$commands"
  if [[ "$REALM" == file ]]; then
    demo_users "$secrets"
  fi
  rm -rf "$secrets"
  # Left running for the deployment; some settings (listener addresses, thread pool, role mapping) apply from the
  # next start, so deploy, then stop and start.
}

# The demo realm's users and groups, as in liberty-config/includes/realm-basic.xml. THE PASSWORDS ARE PUBLIC.
demo_users() {
  local user groups password
  while read -r user groups password; do
    printf 'AS_ADMIN_USERPASSWORD=%s\n' "$password" > "$1/user"
    "${remote[@]}" --passwordfile "$1/user" create-file-user --authrealmname portcullis --groups "$groups" "$user"
  done <<'USERS'
alice mcp-users alice-password
bob mcp-users:mcp-admins bob-password
auditor portcullis-admins auditor-password
USERS
}

# Replaces the realm "portcullis" of the running domain with REALM's (file: the demo users again).
realm() {
  if [[ "$REALM" == ldap ]]; then ldap_settings; fi
  local secrets; secrets="$(mktemp -d)"; chmod 700 "$secrets"
  "${remote[@]}" delete-auth-realm portcullis || true  # gone already if an earlier switch failed half-way
  render "$here/realm-${REALM}.asadmin" | grep -v portcullis.demo-realm > "$secrets/realm.asadmin"
  "${remote[@]}" multimode --file "$secrets/realm.asadmin"
  if [[ "$REALM" == file ]]; then demo_users "$secrets"; fi
  rm -rf "$secrets"
}

start() {
  "$asadmin" start-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME"
}

stop() {
  "$asadmin" stop-domain --domaindir "$DOMAIN_DIR" "$DOMAIN_NAME"
}

# SIGKILL, as a power cut would.
kill_domain() {
  local pid; pid="$(cat "$domain/config/pid")"
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

deploy() {
  echo "EAR sha256 $(sha256sum "$1" | cut -d' ' -f1) $1"
  "${remote[@]}" deploy --force=true --name portcullis "$1"
}

case "${1:-}" in
  create) create ;;
  start) start ;;
  stop) stop ;;
  kill) kill_domain ;;
  realm) realm ;;
  deploy) deploy "${2:?the EAR}" ;;
  *) echo "usage: $0 create | start | stop | kill | deploy EAR | realm" >&2; exit 2 ;;
esac
