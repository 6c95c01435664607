package dev.portcullis.oauth.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;

/** Creates, encodes and loads P-256 key pairs with the JDK's providers. */
final class KeyMaterial {

    private KeyMaterial() {}

    /** A new P-256 signing key. */
    static SigningKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) pair.getPublic();
            return new SigningKey(
                    NimbusJose.thumbprint(publicKey), publicKey, (ECPrivateKey) pair.getPrivate(), now, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate P-256 keys", e);
        }
    }

    static String encodePublic(ECPublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static ECPublicKey decodePublic(String base64) throws GeneralSecurityException {
        return (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static ECPrivateKey decodePrivate(byte[] pkcs8) throws GeneralSecurityException {
        return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** The EC key entry {@code alias} (or the first key entry) of a PKCS#12 keystore. */
    static SigningKey fromKeystore(Path file, char[] password, String alias)
            throws IOException, GeneralSecurityException {
        KeyStore keystore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keystore.load(in, password);
        }
        String name = alias;
        if (name == null) {
            name = Collections.list(keystore.aliases()).stream()
                    .filter(a -> isKeyEntry(keystore, a))
                    .findFirst()
                    .orElseThrow(() -> new GeneralSecurityException("no key entry in " + file));
        }
        PrivateKey privateKey = (PrivateKey) keystore.getKey(name, password);
        X509Certificate certificate = (X509Certificate) keystore.getCertificate(name);
        if (!(privateKey instanceof ECPrivateKey ec)
                || certificate == null
                || !(certificate.getPublicKey() instanceof ECPublicKey pub)) {
            throw new GeneralSecurityException(
                    "the key " + name + " in " + file + " is not a P-256 EC key with a certificate");
        }
        return new SigningKey(
                NimbusJose.thumbprint(pub), pub, ec, certificate.getNotBefore().toInstant(), null);
    }

    private static boolean isKeyEntry(KeyStore keystore, String alias) {
        try {
            return keystore.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
