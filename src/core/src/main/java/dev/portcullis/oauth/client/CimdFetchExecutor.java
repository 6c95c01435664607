package dev.portcullis.oauth.client;

import jakarta.ejb.Singleton;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;

/**
 * Defines the executor that {@link ClientResolver} fetches metadata documents on. The definition sits on a session
 * bean because that is where every server looks for resource definitions in an EJB module: Payara reads them from
 * component classes only, and failed the deployment ("JNDI lookup failed ... java:app/concurrent/cimdFetches") while
 * the annotation was on the CDI bean.
 */
@Singleton
@ManagedExecutorDefinition(name = ClientResolver.FETCH_EXECUTOR, maxAsync = ClientResolver.MAX_FETCH_THREADS)
public class CimdFetchExecutor {}
