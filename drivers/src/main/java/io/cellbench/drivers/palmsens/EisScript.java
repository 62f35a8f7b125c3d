package io.cellbench.drivers.palmsens;

import static io.cellbench.drivers.palmsens.MethodScriptNumbers.scriptLiteral;

import io.cellbench.core.instrument.EisRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The MethodSCRIPT for one sweep. For a PEIS at the cell's rest potential:
 * <pre>
 * e
 * var p
 * var f
 * var r
 * var j
 * set_pgstat_chan 0
 * set_pgstat_mode 3
 * set_max_bandwidth 10M
 * set_range ba 10m
 * set_autoranging ba 100n 10m
 * set_range ab 5
 * set_autoranging ab 5 5
 * mux_config 3i 0x0020          (with a multiplexer)
 * mux_set_channel 2i            (with a multiplexer)
 * meas_loop_ocp p 1 30
 * endloop
 * set_range_minmax da p p
 * set_e p
 * cell_on
 * meas_loop_eis f r j 10m 1M 100m 71 p
 * pck_start
 * pck_add f
 * pck_add r
 * pck_add j
 * pck_end
 * endloop
 * on_finished:
 * cell_off
 * (empty line)
 * </pre>
 * The open-circuit potential is measured first (with the cell off, as the device requires)
 * and the sweep is held at it, so no DC current flows through the cell. The WE potential range
 * ({@code ab}) is fixed at potential_range, as PalmSens' OCP and EIS examples fix it
 * ({@code set_range ab 4}, {@code set_autoranging ab 4 4}): a lithium cell sits near 4 V, and
 * an OCP measured in a smaller range reads as the range's end — the sweep would then hold the
 * cell volts away from its own potential. A GEIS uses
 * {@code set_pgstat_mode 6}, {@code set_range db}/{@code set_autoranging db} at the current
 * range, {@code set_i 0} and {@code meas_loop_geis} with 0 A DC. {@code on_finished:} switches
 * the cell off however the script ends, an abort included. The layout follows PalmSens'
 * EIS and GEIS examples (MethodSCRIPT_Examples, MSLoopExample012-EIS and 013-GEIS).
 *
 * <p>{@code mux_config} type codes and the flag 0x0020 (RE connected to CE, inactive WE
 * floating: two-electrode cells) are as in PalmSens' multiplexer examples; channels count
 * from 1.
 */
public final class EisScript {

    /** The measurement commands, as error messages name them. */
    public static final String PEIS_COMMAND = "meas_loop_eis";
    public static final String GEIS_COMMAND = "meas_loop_geis";

    private EisScript() {
    }

    /** The lines of the script, from {@code e} to {@code cell_off}; the empty last line is not included. */
    public static List<String> lines(EisRequest request, int points, int muxChannel, PalmSensSettings settings) {
        boolean galvanostatic = request.mode() == EisRequest.Mode.GALVANOSTATIC;
        List<String> s = new ArrayList<>();
        s.add("e");
        s.add("var p");
        s.add("var f");
        s.add("var r");
        s.add("var j");
        s.add("set_pgstat_chan 0");
        s.add("set_pgstat_mode " + (galvanostatic ? 6 : 3));
        s.add("set_max_bandwidth " + scriptLiteral(bandwidth(request)));
        String max = scriptLiteral(settings.maxCurrent());
        if (galvanostatic) {
            s.add("set_range db " + max);
            s.add("set_autoranging db " + max + " " + max);
        } else {
            s.add("set_range ba " + max);
            s.add("set_autoranging ba " + scriptLiteral(settings.minCurrent()) + " " + max);
        }
        String ab = scriptLiteral(settings.potentialRange());
        s.add("set_range ab " + ab);
        s.add("set_autoranging ab " + ab + " " + ab);
        if (settings.multiplexer() != Multiplexer.NONE) {
            s.add("mux_config " + settings.multiplexer().typeCode() + "i 0x0020");
            s.add("mux_set_channel " + muxChannel + "i");
        }
        s.add("meas_loop_ocp p 1 " + scriptLiteral(Math.max(1, Math.round(settings.ocpTime().toMillis() / 1000.0))));
        s.add("endloop");
        String sweep = scriptLiteral(request.amplitude()) + " " + scriptLiteral(request.startHz()) + " "
                + scriptLiteral(request.endHz()) + " " + points;
        if (galvanostatic) {
            s.add("set_i 0");
            s.add("cell_on");
            s.add(GEIS_COMMAND + " f r j " + sweep + " 0");
        } else {
            s.add("set_range_minmax da p p");
            s.add("set_e p");
            s.add("cell_on");
            s.add(PEIS_COMMAND + " f r j " + sweep + " p");
        }
        s.add("pck_start");
        s.add("pck_add f");
        s.add("pck_add r");
        s.add("pck_add j");
        s.add("pck_end");
        s.add("endloop");
        s.add("on_finished:");
        s.add("cell_off");
        return s;
    }

    /** The measurement command of a request, as error messages name it. */
    public static String command(EisRequest request) {
        return request.mode() == EisRequest.Mode.GALVANOSTATIC ? GEIS_COMMAND : PEIS_COMMAND;
    }

    /**
     * Ten times the highest frequency, as in PalmSens' EIS example (a 100 kHz sweep with a
     * 1 MHz bandwidth), rounded up to a whole power of ten.
     */
    static double bandwidth(EisRequest request) {
        double top = Math.max(request.startHz(), request.endHz());
        return Math.pow(10, Math.ceil(Math.log10(top * 10) - 1e-9));
    }
}
