package dev.cuecard.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void countsOneLetterEditsEitherWay() {
        assertEquals(0, EditDistance.between("locking", "locking"));
        assertEquals(1, EditDistance.between("locking", "lacking"));
        assertEquals(1, EditDistance.between("baseurl", "baseur"));
        assertEquals(3, EditDistance.between("kitten", "sitting"));
        assertEquals(3, EditDistance.between("sitting", "kitten"));
        assertEquals(5, EditDistance.between("", "cache"));
    }
}
