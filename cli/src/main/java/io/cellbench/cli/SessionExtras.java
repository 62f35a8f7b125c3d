package io.cellbench.cli;

import io.cellbench.core.data.RunEvent;
import io.cellbench.schedules.alarm.DiskSpaceWatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a run, demo or resume adds around its cells besides instruments and outputs.
 *
 * @param notes          notices that belong at the head of this session's part of events.jsonl
 *                       (what a resume found: data that never reached the disk, an accepted hole)
 * @param minFreeBytes   the free-space minimum of the run directory's file system; 0: not watched
 * @param freeSpace      where free space is read (the real file system; a test's)
 * @param diskCheckEvery how often it is read
 * @param fitCircuit     the equivalent circuit every impedance sweep is fitted with as it is
 *                       measured (fits.arrows, drt.arrows); null: no fits during the run
 */
record SessionExtras(List<RunEvent.Notice> notes, long minFreeBytes, DiskSpaceWatch.FreeSpace freeSpace,
                     Duration diskCheckEvery, String fitCircuit) {
    SessionExtras {
        notes = List.copyOf(notes);
    }

    SessionExtras(List<RunEvent.Notice> notes, long minFreeBytes, DiskSpaceWatch.FreeSpace freeSpace,
                  Duration diskCheckEvery) {
        this(notes, minFreeBytes, freeSpace, diskCheckEvery, null);
    }

    /** Fits every sweep with {@code circuit} during the run (null: none). */
    SessionExtras withFits(String circuit) {
        return new SessionExtras(notes, minFreeBytes, freeSpace, diskCheckEvery, circuit);
    }

    /** The real file system of {@code runDirectory}, read every 10 s. */
    static SessionExtras watching(Path runDirectory, long minFreeBytes) {
        return new SessionExtras(List.of(), minFreeBytes, DiskSpaceWatch.FreeSpace.of(runDirectory),
                Duration.ofSeconds(10));
    }

    SessionExtras withNotes(List<RunEvent.Notice> more) {
        return new SessionExtras(more, minFreeBytes, freeSpace, diskCheckEvery, fitCircuit);
    }
}
