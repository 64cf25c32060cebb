/** Demo users and clients (the README lists them), created only when {@code tessera.demo-data.enabled} is true (dev and test profiles). */
package dev.tessera.auth.demo;
