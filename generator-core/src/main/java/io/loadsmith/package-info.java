/**
 * The Java API of Loadsmith: {@link io.loadsmith.Loadsmith} imports an OpenAPI document, a HAR
 * recording or a plan file into a {@link io.loadsmith.model.TestPlan}, adjusts it with
 * {@link io.loadsmith.PlanOptions}, and renders it for k6, Locust, Artillery or JMeter.
 */
package io.loadsmith;
