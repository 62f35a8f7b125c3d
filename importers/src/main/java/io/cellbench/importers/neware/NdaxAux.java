package io.cellbench.importers.neware;

import io.cellbench.importers.AuxColumn;
import io.cellbench.importers.ImportException;
import io.cellbench.importers.ImportNote;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The auxiliary channel members of an .ndax ({@code data_AUX_<a>_<b>_<c>.ndc}, or {@code <…>_<n>.ndc}),
 * matched to TestInfo.xml's Aux entries in the order of the numbers in their names (BTS lists
 * them in that order). When the counts differ the channels cannot be told apart, so they are left
 * out, with a warning. ndc 2 members and the ndc 16 layout 0x65 hold a voltage and a temperature
 * per record; ndc 14 and 17 members one value, which TestInfo's channel type names.
 */
final class NdaxAux {

    private static final Pattern AUX_MEMBER = Pattern.compile("data_AUX_(\\d+)_(\\d+)_(\\d+)\\.ndc");
    private static final Pattern OTHER_NDC = Pattern.compile(".*_(\\d+)\\.ndc");

    /** An auxiliary member, its channel, and the columns it gives (one, or voltage and temperature). */
    record Member(ZipEntry entry, NdaxMetadata.AuxChannel channel, List<AuxColumn> columns, int version) {

        boolean voltageAndTemperature() {
            return columns.size() == 2;
        }
    }

    private NdaxAux() {
    }

    static List<Member> members(ZipFile zip, NdaxMetadata xml, List<ImportNote> notes, Path file)
            throws ImportException {
        record Candidate(ZipEntry entry, long[] key) {
        }
        List<Candidate> candidates = new ArrayList<>();
        zip.stream().forEach(entry -> {
            String name = entry.getName();
            Matcher aux = AUX_MEMBER.matcher(name);
            Matcher other = OTHER_NDC.matcher(name);
            if (aux.matches()) {
                candidates.add(new Candidate(entry, new long[] {Long.parseLong(aux.group(1)),
                        Long.parseLong(aux.group(2)), Long.parseLong(aux.group(3))}));
            } else if (other.matches() && !name.startsWith("data_AUX")) {
                candidates.add(new Candidate(entry, new long[] {Long.parseLong(other.group(1)), 0, 0}));
            }
        });
        candidates.sort(Comparator.<Candidate>comparingLong(c -> c.key()[0])
                .thenComparingLong(c -> c.key()[1]).thenComparingLong(c -> c.key()[2]));
        List<Member> members = new ArrayList<>();
        if (candidates.isEmpty()) {
            return members;
        }
        if (candidates.size() != xml.auxChannels.size()) {
            notes.add(ImportNote.warning("aux-channels-unmatched", candidates.size() + " auxiliary channel member(s) but "
                    + xml.auxChannels.size() + " in TestInfo.xml: what each measures is unknown, so they are not imported",
                    -1));
            return members;
        }
        int temperatures = 0;
        for (int i = 0; i < candidates.size(); i++) {
            NdaxMetadata.AuxChannel channel = xml.auxChannels.get(i);
            ZipEntry entry = candidates.get(i).entry();
            int version = NdaxReader.peek(zip, entry, file)[2] & 0xff;
            String prefix = "aux" + channel.auxId();
            List<AuxColumn> columns = new ArrayList<>();
            if (version == 2 || version == 16) {
                columns.add(new AuxColumn(prefix + "_voltage_volt", "V", null));
                temperatures++;
                columns.add(new AuxColumn(prefix + "_temperature_celsius", "degC", bdfTemperature(temperatures)));
            } else {
                String[] kind = NewareCodes.auxType(channel.chlType());
                if (kind == null) {
                    columns.add(new AuxColumn(prefix + "_value", "", null));
                    notes.add(ImportNote.warning("aux-channel-type", "auxiliary channel " + channel.auxId() + " ("
                            + entry.getName() + ") has channel type " + channel.chlType()
                            + ", which is not known: imported as " + prefix + "_value without a unit", -1));
                } else {
                    boolean temperature = "temperature".equals(kind[0]);
                    if (temperature) {
                        temperatures++;
                    }
                    columns.add(new AuxColumn(prefix + "_" + kind[0] + ("degC".equals(kind[1]) ? "_celsius" : "_percent"),
                            kind[1], temperature ? bdfTemperature(temperatures) : null));
                }
            }
            members.add(new Member(entry, channel, List.copyOf(columns), version));
        }
        return members;
    }

    /** BDF has five numbered temperature terms. */
    private static String bdfTemperature(int n) {
        return n <= 5 ? "temperature_t" + n + "_celsius" : null;
    }
}
