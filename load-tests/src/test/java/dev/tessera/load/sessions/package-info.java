/**
 * The session-scheme comparison (DESIGN §5): one simulation per scheme with the same open-model load,
 * single sign-on, a stepped capacity run and fault runs, all through nginx. {@code ./tessera bench}
 * runs them and load-tests/comparison_report.py turns their statistics into docs/comparison.md.
 */
package dev.tessera.load.sessions;
