package dev.tessera.webclient.web;

/**
 * What every page of the client shows around its content: its title and colour, which replica answered,
 * and this response's Content-Security-Policy nonce for the page's one style element.
 */
public record Chrome(String title, String accent, String serverId, String nonce) {
}
