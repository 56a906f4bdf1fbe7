/**
 * Several nodes of one site: what one node changes, the others hear of through the data grid that
 * Payara already runs (Hazelcast), so that their caches forget what the change made stale. A node
 * started alone ({@code --nocluster}) or on a server without the grid keeps everything to itself.
 */
package org.tribune.web.cluster;
