/** Demo users and clients (DESIGN §6), created only when {@code tessera.demo-data.enabled} is true (dev and test profiles). */
package dev.tessera.auth.demo;
