/** Operations endpoints: Prometheus metrics at {@code /metrics} (health is micronaut-management's {@code /health}). */
package dev.tessera.auth.operations;
