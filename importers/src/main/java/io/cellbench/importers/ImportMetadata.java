package io.cellbench.importers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a file says about its test besides the rows: the instrument and software that wrote it,
 * when the test started, the cycler's program as the file keeps it (for Neware the Step.xml
 * verbatim), the techniques it ran, and what kind of counters and columns the rows carry.
 *
 * @param format        reader id, e.g. {@code neware-ndax}
 * @param formatVersion the layout inside the format, e.g. {@code ndc 17} or {@code nda 130 (BTS 9.1)}
 * @param program       the program text as stored in the file, or {@code null}
 * @param programFormat what {@code program} is, e.g. {@code neware-step-xml}, or {@code null}
 * @param present       which record fields the file provides at all
 * @param cycleCounterRange the lowest and highest value the file's cycle counter takes over the whole
 *                      file, where the reader knows it before the rows (an .ndax's step member),
 *                      else {@code null}: whether the counter ever moves decides a repair
 * @param properties    anything else worth keeping (channel, barcode, active mass, remarks)
 */
public record ImportMetadata(
        SourceFile source,
        String format,
        String formatVersion,
        String instrument,
        Map<String, String> softwareVersions,
        Instant startTime,
        List<String> techniques,
        String program,
        String programFormat,
        CounterScope counterScope,
        Set<Field> present,
        CycleCounterRange cycleCounterRange,
        List<AuxColumn> auxColumns,
        Map<String, String> properties) {

    /** The values a cycle counter takes over a whole file, as the rows carry them. */
    public record CycleCounterRange(int min, int max) {
    }

    public ImportMetadata {
        softwareVersions = Map.copyOf(softwareVersions);
        techniques = List.copyOf(techniques);
        present = present.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(present));
        auxColumns = List.copyOf(auxColumns);
        properties = Map.copyOf(properties);
    }

    public boolean has(Field field) {
        return present.contains(field);
    }

    public static Builder builder(SourceFile source, String format) {
        return new Builder(source, format);
    }

    /** Readers learn metadata piece by piece while they open a file. */
    public static final class Builder {
        private final SourceFile source;
        private final String format;
        private String formatVersion = "";
        private String instrument = "";
        private final Map<String, String> software = new LinkedHashMap<>();
        private Instant startTime;
        private final List<String> techniques = new ArrayList<>();
        private String program;
        private String programFormat;
        private CounterScope scope = CounterScope.UNKNOWN;
        private final EnumSet<Field> present = EnumSet.noneOf(Field.class);
        private CycleCounterRange cycleRange;
        private final List<AuxColumn> aux = new ArrayList<>();
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(SourceFile source, String format) {
            this.source = source;
            this.format = format;
        }

        public Builder formatVersion(String value) {
            formatVersion = value;
            return this;
        }

        public Builder instrument(String value) {
            instrument = value;
            return this;
        }

        public Builder software(String name, String version) {
            if (version != null && !version.isBlank()) {
                software.put(name, version.strip());
            }
            return this;
        }

        public Builder startTime(Instant value) {
            startTime = value;
            return this;
        }

        public Builder technique(String name) {
            if (!techniques.contains(name)) {
                techniques.add(name);
            }
            return this;
        }

        public Builder program(String text, String kind) {
            program = text;
            programFormat = kind;
            return this;
        }

        public Builder counterScope(CounterScope value) {
            scope = value;
            return this;
        }

        public Builder present(Field... fields) {
            present.addAll(List.of(fields));
            return this;
        }

        public Builder absent(Field field) {
            present.remove(field);
            return this;
        }

        public Builder cycleCounterRange(int min, int max) {
            cycleRange = new CycleCounterRange(min, max);
            return this;
        }

        public Builder aux(AuxColumn column) {
            aux.add(column);
            return this;
        }

        public Builder property(String key, String value) {
            if (value != null && !value.isBlank()) {
                properties.put(key, value.strip());
            }
            return this;
        }

        public List<AuxColumn> auxColumns() {
            return aux;
        }

        public ImportMetadata build() {
            return new ImportMetadata(source, format, formatVersion, instrument, software, startTime, techniques,
                    program, programFormat, scope, present, cycleRange, aux, properties);
        }
    }
}
