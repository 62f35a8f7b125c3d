package io.cellbench.daq.testing;

import java.nio.file.Path;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test that writes and reads files with Arrow memory: a directory of its own, and an allocator
 * closed after each test, which fails it ("Memory was leaked") when a buffer was not freed.
 */
public abstract class ArrowFilesTest {
    @TempDir
    protected Path dir;
    protected final BufferAllocator allocator = new RootAllocator();

    @AfterEach
    void noMemoryLeaked() {
        allocator.close();
    }
}
