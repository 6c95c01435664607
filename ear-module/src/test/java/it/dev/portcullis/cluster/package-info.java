/**
 * A real cluster on loopback: two Liberty servers of the same EAR sharing one PostgreSQL (the Debian server, started
 * by the test), behind Debian's HAProxy doing round-robin without stickiness, with HTTPS at the balancer
 * ({@link it.dev.portcullis.cluster.Cluster}), and the tests that prove nothing a request needs lives in one JVM
 * ({@link it.dev.portcullis.cluster.ClusterIT}). See src/docs/scale-out.md.
 */
package it.dev.portcullis.cluster;
