#!/usr/bin/env bash
# The Portcullis demo on WildFly 39.0.1.Final: builds the EAR, fetches WildFly, Derby and EclipseLink from Maven Central
# into target/, makes the server target/wildfly-demo (demo realm, embedded Derby), deploys the EAR and leaves it running
# at https://localhost:$((PORT_BASE+1)) (default 9801). Stop it with: ./src/servers/wildfly/demo.sh stop
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
version="$(sed -n 's:.*<version.wildfly>\(.*\)</version.wildfly>.*:\1:p' pom.xml)"
export WILDFLY_HOME="$root/target/wildfly/wildfly-${version}" SERVER_DIR="$root/target/wildfly-demo"
export JARS="$root/target/wildfly/jars" PORT_BASE="${PORT_BASE:-9800}"
if [[ "${1:-}" == stop ]]; then
  exec src/servers/wildfly/wildfly.sh stop
fi
derby="$(sed -n 's:.*<version.derby>\(.*\)</version.derby>.*:\1:p' pom.xml)"
eclipselink="$(sed -n 's:.*<version.eclipselink>\(.*\)</version.eclipselink>.*:\1:p' pom.xml)"
./mvnw -B -q package -P'!test-suites' -DskipTests -Djazzer.fuzz=
if [[ ! -x "$WILDFLY_HOME/bin/standalone.sh" ]]; then
  ./mvnw -B -q -N dependency:unpack -Dartifact="org.wildfly:wildfly-dist:${version}:zip" \
    -DoutputDirectory="$root/target/wildfly"
fi
for artifact in "org.apache.derby:derby:${derby}" "org.apache.derby:derbyshared:${derby}" \
    "org.apache.derby:derbytools:${derby}" "org.eclipse.persistence:eclipselink:${eclipselink}"; do
  ./mvnw -B -q -N dependency:copy -Dartifact="$artifact" -DoutputDirectory="$JARS" -Dmdep.stripVersion=true
done
src/servers/wildfly/wildfly.sh create
src/servers/wildfly/wildfly.sh deploy "$root/ear-module/target/portcullis.ear"
src/servers/wildfly/wildfly.sh start
echo "Portcullis on WildFly: https://localhost:$((PORT_BASE + 1))/mcp once https://localhost:$((PORT_BASE + 1))/health/ready is UP"
echo "(demo users alice, bob, auditor; the certificate to trust: $SERVER_DIR/configuration/portcullis-server-certificate.pem)"
