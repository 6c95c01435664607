/**
 * What both web modules' JAX-RS applications share about answering HTTP: the last-resort exception mapper, which
 * each application registers through its own {@code @Provider} subclass (provider scanning covers only a module's
 * own classes).
 */
package dev.portcullis.platform.web;
