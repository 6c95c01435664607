#!/usr/bin/env bash
# The Portcullis demo on Payara Server 6.2025.9: builds the EAR, fetches Payara and Derby from Maven Central into
# target/, creates the domain target/payara-demo/portcullis (demo realm, embedded Derby), deploys the EAR and leaves
# the domain running at https://localhost:$((PORT_BASE+81)) (default 9681). Stop it with: ./src/servers/payara/demo.sh stop
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
export PAYARA_HOME="$root/target/payara/payara6" DOMAIN_DIR="$root/target/payara-demo" DERBY_JARS="$root/target/payara/derby"
export PORT_BASE="${PORT_BASE:-9600}"
if [[ "${1:-}" == stop ]]; then
  exec src/servers/payara/payara.sh stop
fi
version="$(sed -n 's:.*<version.payara>\(.*\)</version.payara>.*:\1:p' pom.xml)"
derby="$(sed -n 's:.*<version.derby>\(.*\)</version.derby>.*:\1:p' pom.xml)"
./mvnw -B -q package -P'!test-suites' -DskipTests -Djazzer.fuzz=
if [[ ! -x "$PAYARA_HOME/bin/asadmin" ]]; then
  ./mvnw -B -q -N dependency:unpack -Dartifact="fish.payara.distributions:payara:${version}:zip" \
    -DoutputDirectory="$root/target/payara"
fi
for jar in derby derbyshared derbytools; do
  ./mvnw -B -q -N dependency:copy -Dartifact="org.apache.derby:${jar}:${derby}" -DoutputDirectory="$DERBY_JARS" \
    -Dmdep.stripVersion=true
done
src/servers/payara/payara.sh create
src/servers/payara/payara.sh deploy "$root/ear-module/target/portcullis.ear"
src/servers/payara/payara.sh stop
src/servers/payara/payara.sh start
echo "Portcullis on Payara: https://localhost:$((PORT_BASE + 81))/mcp (demo users alice, bob, auditor; see README)"
