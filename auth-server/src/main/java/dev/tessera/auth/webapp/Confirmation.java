package dev.tessera.auth.webapp;

import java.util.List;

/**
 * The page before a destructive action: what will happen, to what, and one button that POSTs the form
 * (with its CSRF token) to {@code action}. Without JavaScript, like every action.
 *
 * @param details label and value pairs describing the target
 */
public record Confirmation(String title, String question, List<Detail> details, String action, String button,
                           String cancel) {

    /** One line of the target's description. */
    public record Detail(String label, String value) {
    }
}
