package dev.tessera.resource.revocation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamIdsTest {

    @Test
    void idsCompareAsNumbersNotAsText() {
        assertTrue(StreamIds.compare("1700000000001-0", "999-5") > 0, "longer is later, though '1' < '9' as text");
        assertTrue(StreamIds.compare("5-10", "5-9") > 0, "same millisecond: the sequence decides");
        assertTrue(StreamIds.compare("5-0", "5") == 0);
        assertTrue(StreamIds.compare("0-0", "1-0") < 0);
    }
}
