package io.cellbench.daq.arrow;

/**
 * When a writer asks the operating system to put written batches on the disk itself.
 * Every batch reaches the file (the page cache) as soon as it is written, so a killed
 * process loses nothing already written; only a power cut or kernel crash can lose what
 * was not forced.
 */
public enum FsyncPolicy {
    /** Leave it to the operating system (fastest; survives process crashes). */
    NEVER,
    /** Force the file's data to disk after every batch (survives power cuts). */
    EVERY_BATCH
}
