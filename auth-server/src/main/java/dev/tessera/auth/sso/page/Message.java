package dev.tessera.auth.sso.page;

/** A page that only tells the user something: an error, or that they are signed in or out. */
public record Message(String title, String text) {
}
