/**
 * The Tessera authorization server ({@link dev.tessera.auth.Application}): one package per capability
 * below this one; docs/architecture.md draws them and who calls whom, and
 * {@code architecture.PackageCyclesTest} keeps the graph free of cycles.
 */
package dev.tessera.auth;
