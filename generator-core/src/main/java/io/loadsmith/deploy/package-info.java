/**
 * Cluster manifests: the Kubernetes objects and Compose files that run a tool's scripts on its
 * own distributed engine (the k6-operator, a Locust master and workers, JMeter servers and a
 * controller). The shapes every tool shares live here; what each tool starts lives in its room
 * ({@link io.loadsmith.tool.LoadTool#deployment}).
 */
package io.loadsmith.deploy;
