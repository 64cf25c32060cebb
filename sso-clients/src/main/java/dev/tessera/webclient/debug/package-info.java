/**
 * Development-only endpoints ({@code tessera.web-client.debug-endpoints: true}, set by the dev profile
 * alone): the sticky-session seed's {@code GET /debug/sessions}, and {@code POST /debug/sessions/fill},
 * which the memory benchmark uses to put 100k realistic sessions into the real store.
 */
package dev.tessera.webclient.debug;
