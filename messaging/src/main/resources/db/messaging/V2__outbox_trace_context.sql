-- The W3C trace context (traceparent) of the work that recorded the event, so the trace goes on where the event is
-- handled. NULL for events recorded outside a trace, and for those recorded before this column.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
