/**
 * Test support for the in-container tests: the deployment of the core module as built ({@link
 * dev.portcullis.testing.ProductWar}) and a clock that tests move instead of sleeping ({@link
 * dev.portcullis.testing.TestClock}).
 */
package dev.portcullis.testing;
