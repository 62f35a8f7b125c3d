package io.cellbench.importers.bdf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The BDF column vocabulary, read from {@code bdf-terms.tsv}: a table derived from the BDF
 * ontology's schema.json (1.3.0) by BdfTermsTest, which fails when the table and the schema part.
 * A CSV header may be a machine name ({@code test_time_second}), a preferred label
 * ({@code Test Time / s}) or one of the schema's other titles and alternative labels.
 */
public final class BdfTerms {

    /** One term: its machine name, preferred label, unit code and, when deprecated, its successor. */
    public record Term(String name, String label, String unit, String datatype, List<String> otherHeaders,
            String supersededBy) {

        public boolean deprecated() {
            return !supersededBy.isEmpty();
        }
    }

    private static final BdfTerms INSTANCE = load();

    private final Map<String, Term> byName;
    private final Map<String, Term> byHeader;
    private final String version;

    private BdfTerms(Map<String, Term> byName, Map<String, Term> byHeader, String version) {
        this.byName = byName;
        this.byHeader = byHeader;
        this.version = version;
    }

    public static BdfTerms get() {
        return INSTANCE;
    }

    /** The schema version the table was derived from. */
    public String version() {
        return version;
    }

    public Map<String, Term> terms() {
        return byName;
    }

    /** The term a header names (machine name first, then label, then other titles), or {@code null}. */
    public Term forHeader(String header) {
        String key = normalize(header);
        Term term = byName.get(key);
        return term != null ? term : byHeader.get(key);
    }

    private static String normalize(String header) {
        return header.strip().replace('\u00a0', ' ').toLowerCase(Locale.ROOT);
    }

    private static BdfTerms load() {
        try (InputStream in = BdfTerms.class.getResourceAsStream("bdf-terms.tsv")) {
            if (in == null) {
                throw new IllegalStateException("bdf-terms.tsv is missing from the importers jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, Term> byName = new LinkedHashMap<>();
            Map<String, Term> byHeader = new LinkedHashMap<>();
            String version = "";
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("#")) {
                    int at = line.indexOf("version ");
                    if (version.isEmpty() && at >= 0) {
                        version = line.substring(at + 8).split(" ")[0];
                    }
                    continue;
                }
                String[] f = line.split("\t", -1);
                Term term = new Term(f[0], f[1], f[2], f[3], f[4].isEmpty() ? List.of() : List.of(f[4].split("\\|")), f[5]);
                byName.put(normalize(term.name()), term);
                byHeader.putIfAbsent(normalize(term.label()), term);
                for (String other : term.otherHeaders()) {
                    byHeader.putIfAbsent(normalize(other), term);
                }
            }
            return new BdfTerms(byName, byHeader, version.replaceAll("\\.$", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
