package io.cellbench.daq.sink;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code cellbench status} shows about a sink while the run goes: under {@code key} of the
 * status answer, the sink's {@code figures} as they are now (values: text, numbers, booleans,
 * null). When the figures cannot be had, the answer shows {@code identity} and the reason as
 * {@code last_error}.
 *
 * @param key      the status answer's key ("influx")
 * @param identity what names the sink even when its figures fail ({"url": …})
 * @param figures  the sink's state now; may throw
 */
public record SinkStatus(String key, Map<String, Object> identity, Supplier<Map<String, Object>> figures) {
}
