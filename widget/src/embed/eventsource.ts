/**
 * Browsers have EventSource, so the script-tag bundle replaces the SDK's Node ponyfill
 * (`eventsource`) with the platform's own (tsup `alias`), keeping ~4 KB out of widget.js.
 */
export const EventSource = globalThis.EventSource;
