package io.cellbench.drivers.neware;

/** One entry of a test's log as BTS keeps it ({@code downloadlog}): the record it refers to, BTS's code, when. */
public record BtsLogEntry(long position, int code, double unixSecond) {
}
