package io.closeloop.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The W3C trace context of the current span as header values ({@code traceparent}, {@code tracestate}), so
 * that an outbox row written now is published inside the same trace. Empty when no span is recording a trace
 * (tracing off, or code running outside a request or consumed record).
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private TraceContext() {
    }

    /** {@code traceparent} and, when the trace carries vendor state, {@code tracestate}; empty outside a trace. */
    public static Map<String, String> current() {
        Map<String, String> headers = new LinkedHashMap<>();
        SpanContext span = Span.current().getSpanContext();
        if (span.isValid()) {
            W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, Map::put);
        }
        return headers;
    }
}
