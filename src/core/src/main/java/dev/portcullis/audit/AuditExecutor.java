package dev.portcullis.audit;

import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;

/**
 * Defines the executor that {@link AuditQueue} drains on (one task at a time). The definition sits on a session bean
 * because that is where every server looks for resource definitions in an EJB module: Payara reads them from
 * component classes only, and failed the deployment ("JNDI lookup failed for the resource: Name:
 * java:comp/env/dev.portcullis.audit.AuditQueue/executor, Lookup: java:app/concurrent/audit") while the annotation
 * was on the CDI bean.
 */
@Singleton
@ManagedExecutorDefinition(name = AuditQueue.EXECUTOR, maxAsync = 1)
public class AuditExecutor {}
