/** Small helpers shared by the JDBC stores. */
package dev.tessera.auth.support;
