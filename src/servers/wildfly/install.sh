#!/bin/sh
# Configures an unzipped WildFly 39 for Portcullis (src/docs/deploy-wildfly.md):
#   install.sh WILDFLY_HOME JARS_DIR [SERVER_DIR]
# SERVER_DIR is the server's base directory (jboss.server.base.dir; default WILDFLY_HOME/standalone).
# JARS_DIR holds derby.jar, derbyshared.jar, derbytools.jar and eclipselink.jar (the build copies them there from
# Maven Central; by hand: see the guide). It
#   1. adds the Derby module and EclipseLink to WildFly's org.eclipse.persistence module,
#   2. creates a PKCS12 keystore with a self-signed certificate for localhost and a random password (unless
#      standalone/configuration/portcullis-tls.p12 exists), and exports the certificate as PEM,
#   3. writes standalone-portcullis.xml from standalone.xml with configure.cli (offline, embed-server).
# Start it with wildfly.sh start, or: WILDFLY_HOME/bin/standalone.sh -c standalone-portcullis.xml -P \
#   SERVER_DIR/configuration/portcullis-tls.properties
set -eu
home=${1:?WILDFLY_HOME}
jars=${2:?JARS_DIR}
here=$(cd "$(dirname "$0")" && pwd)
base=${3:-$home/standalone}
config="$base/configuration"

mkdir -p "$home/modules/org/apache/derby/main"
cp "$here/modules/org/apache/derby/main/module.xml" "$jars/derby.jar" "$jars/derbyshared.jar" "$jars/derbytools.jar" \
   "$home/modules/org/apache/derby/main/"
persistence="$home/modules/system/layers/base/org/eclipse/persistence/main"
cp "$here/modules/org/eclipse/persistence/main/module.xml" "$jars/eclipselink.jar" "$persistence/"

cp "$here/portcullis-demo-users.properties" "$here/portcullis-demo-groups.properties" "$config/"

# TLS: the keystore password is random and kept in portcullis-tls.properties (owner-only), which the start command
# passes with -P; standalone-portcullis.xml only names the expression.
if [ ! -f "$config/portcullis-tls.p12" ]; then
  umask 077
  password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
  keytool -genkeypair -alias portcullis -keyalg RSA -keysize 3072 -sigalg SHA256withRSA -validity 825 \
    -dname "CN=localhost" -ext "SAN=dns:localhost,ip:127.0.0.1,ip:::1" \
    -storetype PKCS12 -keystore "$config/portcullis-tls.p12" -storepass "$password" -keypass "$password" 2>/dev/null
  printf 'portcullis.keystore.password=%s\n' "$password" > "$config/portcullis-tls.properties"
  keytool -exportcert -rfc -alias portcullis -keystore "$config/portcullis-tls.p12" -storepass "$password" \
    -file "$config/portcullis-server-certificate.pem" 2>/dev/null
  umask 022
fi

cp "$config/standalone.xml" "$config/standalone-portcullis.xml"
# The properties file lets the embedded server resolve the keystore password while it checks the keystore.
"$home/bin/jboss-cli.sh" -Djboss.server.base.dir="$base" --properties="$config/portcullis-tls.properties" --file="$here/configure.cli"
