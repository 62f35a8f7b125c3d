package io.cellbench.compile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A cycler whose own program format cellbench compiles protocols into. */
public enum CompileTarget {
    /** A Neware BTS 8.x step file (XML), as BTS Client writes it. */
    NEWARE("neware", "Neware BTS step file", "xml", StandardCharsets.UTF_8),
    /**
     * A BioLogic EC-Lab settings file holding one Modulo Bat technique. Written in cp1252 (the
     * Windows code page EC-Lab reads): in UTF-8 the µ of "10 µA" would not survive, and EC-Lab
     * could read a µA range as mA.
     */
    BIOLOGIC("biologic", "BioLogic EC-Lab Modulo Bat settings", "mps", Charset.forName("windows-1252"));

    private final String label;
    private final String description;
    private final String extension;
    private final Charset charset;

    CompileTarget(String label, String description, String extension, Charset charset) {
        this.label = label;
        this.description = description;
        this.extension = extension;
        this.charset = charset;
    }

    /** The name on the command line and in messages ("neware"). */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The encoding of the file the target reads. */
    public Charset charset() {
        return charset;
    }

    /** The target called {@code name} (case-insensitive). */
    public static CompileTarget named(String name) {
        for (CompileTarget t : values()) {
            if (t.label.equalsIgnoreCase(name.strip())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown compile target '" + name + "'; targets: " + labels());
    }

    /** "neware, biologic". */
    public static String labels() {
        return Arrays.stream(values()).map(t -> t.label.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }
}
