package io.loadsmith.model;

/** One step of a scenario: a request, a pause, or a named group of steps. */
public sealed interface Step permits HttpRequest, WebSocketSession, ThinkTime, Group {}
