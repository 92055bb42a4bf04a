// Tracing for Temporal clients and workers, with the SDK's OpenTelemetry interceptors. Kept
// apart from the package's main entry so that only code that uses Temporal loads Temporal.
import { createRequire } from 'node:module';
import { createTraceState, type SpanContext } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
  type OpenTelemetrySinks,
  type SerializableSpan,
} from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks, WorkerOptions } from '@temporalio/worker';
import type { SpanDestination, Telemetry } from './index.ts';

/**
 * Interceptors for a Temporal `Client`: a span for each call (start, signal, update, query),
 * child of the active span, whose context travels to the workflow in the call's headers.
 */
export function tracingClientInterceptors(): {
  workflow: OpenTelemetryWorkflowClientInterceptor[];
} {
  return { workflow: [new OpenTelemetryWorkflowClientInterceptor()] };
}

/**
 * Worker options that trace workflows and activities: the workflow interceptors bundled into
 * the workflow code, an activity interceptor continuing the workflow's trace, and the sink
 * through which the workflow sandbox hands its spans over. Nothing when telemetry is off.
 */
export function tracingWorkerOptions(
  telemetry: Telemetry,
): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  if (!telemetry.spans) return {};
  return {
    interceptors: {
      // a module path: the worker's bundler puts it into the workflow bundle
      workflowModules: [
        createRequire(import.meta.url).resolve(
          '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors',
        ),
      ],
      activity: [
        (activityContext) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(activityContext),
          outbound: new OpenTelemetryActivityOutboundInterceptor(activityContext),
        }),
      ],
    },
    sinks: workflowSpanSinks(telemetry.spans),
  };
}

/**
 * The sink receiving the spans made inside the workflow sandbox. The SDK's own
 * `makeWorkflowExporter` builds spans in the shape of OpenTelemetry SDK 1.x (`parentSpanId`,
 * `instrumentationLibrary`, a 1.x `Resource`), which our 3.x span processors and exporters do
 * not read; this sink builds them in the 3.x shape instead.
 */
function workflowSpanSinks({
  processor,
  resource,
}: SpanDestination): InjectedSinks<OpenTelemetrySinks> {
  return {
    exporter: {
      export: {
        fn: (workflow, spans) => {
          for (const span of spans) {
            processor.onEnd(
              readableSpan(span, resource, {
                'temporal.workflow_id': workflow.workflowId,
                'temporal.run_id': workflow.runId,
                'temporal.workflow_type': workflow.workflowType,
                'temporal.task_queue': workflow.taskQueue,
                'temporal.namespace': workflow.namespace,
              }),
            );
          }
        },
      },
    },
  };
}

function readableSpan(
  span: SerializableSpan,
  resource: SpanDestination['resource'],
  workflowAttributes: Record<string, string>,
): ReadableSpan {
  const { traceState, ...ids } = span.spanContext;
  const spanContext: SpanContext = {
    ...ids,
    ...(traceState ? { traceState: createTraceState(traceState) } : {}),
  };
  return {
    name: span.name,
    kind: span.kind,
    spanContext: () => spanContext,
    ...(span.parentSpanId
      ? {
          parentSpanContext: {
            traceId: ids.traceId,
            spanId: span.parentSpanId,
            traceFlags: ids.traceFlags,
          },
        }
      : {}),
    startTime: span.startTime,
    endTime: span.endTime,
    duration: span.duration,
    ended: span.ended,
    status: span.status,
    attributes: { ...span.attributes, ...workflowAttributes },
    links: span.links,
    events: span.events,
    resource,
    instrumentationScope: span.instrumentationLibrary,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}
