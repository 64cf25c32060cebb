/** The nginx topology's smoke test: a private {@code ./tessera up} on free ports, checked over HTTP. */
package dev.tessera.topology;
