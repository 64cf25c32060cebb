package dev.tessera.auth.admin;

import dev.tessera.auth.error.ApiException;

/** Paging parameters of the admin lists, checked at the edge. */
public record Page(int page, int size) {

    public static final int MAX_SIZE = 200;

    public static Page of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0 || p > 1_000_000 || s < 1 || s > MAX_SIZE) {
            throw ApiException.badRequest("page must be >= 0 and size between 1 and " + MAX_SIZE);
        }
        return new Page(p, s);
    }

    public int offset() {
        return page * size;
    }
}
