/**
 * Server-rendered pages: {@link dev.tessera.auth.page.PageResponse} pairs a JTE template
 * (src/main/jte, precompiled by jte-maven-plugin, rendered by micronaut-views with HTML escaping
 * everywhere) with its model; {@link dev.tessera.auth.page.PageHeaders} gives every page its headers.
 */
package dev.tessera.auth.page;
