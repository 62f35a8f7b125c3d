package io.cellbench.cli.lab;

import com.fazecast.jSerialComm.SerialPort;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "ports", mixinStandardHelpOptions = true,
        description = {"List this computer's serial ports, to fill in a lab file's serial_port.",
            "Each with what it says it is (USB-serial adapters name their maker, model and serial number)."},
        footer = {"", "Examples:",
            "  cellbench ports",
            "  cellbench probe --lab lab.yaml smu-1        then check the instrument on the port answers",
            "", "Pseudo-terminals (socat, the virtual lab's serial instruments) are not listed: a lab",
            "file names them by path (serial_port: /tmp/vl/tty-driver), and they open like any port."})
public final class PortsCommand implements Callable<Integer> {

    /** One port as jSerialComm describes it. */
    record Port(String path, String description, String location, String manufacturer, String serialNumber,
                int vendorId, int productId) {
    }

    @Override
    public Integer call() {
        List<Port> ports = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            ports.add(new Port(p.getSystemPortPath(), p.getPortDescription(), p.getPortLocation(), p.getManufacturer(),
                    p.getSerialNumber(), p.getVendorID(), p.getProductID()));
        }
        print(ports, System.out);
        return 0;
    }

    static void print(List<Port> ports, PrintStream out) {
        if (ports.isEmpty()) {
            out.println("No serial ports found on this computer.");
            out.println("(USB-serial adapters appear once plugged in and their driver is loaded; on Linux your user");
            out.println(" needs the 'dialout' group. socat pseudo-terminals are never listed: name them by path.)");
            return;
        }
        out.println(ports.size() + (ports.size() == 1 ? " serial port:" : " serial ports:"));
        for (Port p : ports) {
            StringBuilder sb = new StringBuilder("  ").append(p.path());
            List<String> about = new ArrayList<>();
            add(about, p.description());
            add(about, p.manufacturer());
            if (p.vendorId() > 0 || p.productId() > 0) {
                about.add(String.format(Locale.ROOT, "USB %04x:%04x", p.vendorId(), p.productId()));
            }
            if (present(p.serialNumber())) {
                about.add("serial number " + p.serialNumber().strip());
            }
            if (present(p.location())) {
                about.add("at " + p.location().strip());
            }
            if (!about.isEmpty()) {
                sb.append("  ").append(String.join(", ", about));
            }
            out.println(sb);
        }
    }

    private static void add(List<String> about, String text) {
        if (present(text) && about.stream().noneMatch(a -> a.equalsIgnoreCase(text.strip()))) {
            about.add(text.strip());
        }
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank() && !text.strip().equalsIgnoreCase("unknown");
    }
}
