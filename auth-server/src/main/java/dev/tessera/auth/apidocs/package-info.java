/**
 * The API description: micronaut-openapi writes it at build time from the controllers (the pages are
 * left out), {@link dev.tessera.auth.apidocs.ApiDocsController} serves it at {@code /openapi.yml} and
 * renders it for people at {@code /api-docs}; {@link dev.tessera.auth.apidocs.OAuthForms} describes
 * the form bodies the OAuth endpoints parse themselves.
 */
package dev.tessera.auth.apidocs;
