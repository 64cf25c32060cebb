package dev.tessera.webclient.web;

import io.micronaut.core.annotation.Nullable;

/** A page that says one thing: a title, an optional sentence, an optional button. */
public record Message(String title, @Nullable String text, @Nullable Action action) {

    /** A link styled as a button. */
    public record Action(String href, String label) {
    }

    static Message of(String title, String text) {
        return new Message(title, text, null);
    }

    static Message withAction(String title, @Nullable String text, String href, String label) {
        return new Message(title, text, new Action(href, label));
    }
}
