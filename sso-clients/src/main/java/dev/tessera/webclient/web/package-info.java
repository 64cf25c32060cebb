/** Pages and endpoints of the web client: login flow, home, profile, logout, back-channel logout, debug. */
package dev.tessera.webclient.web;
