/**
 * Pages and endpoints of the web client: login flow (its pending logins sealed in a cookie), home,
 * profile, logout, back-channel logout. Pages are JTE templates under src/main/jte, rendered by {@code Pages}.
 */
package dev.tessera.webclient.web;
