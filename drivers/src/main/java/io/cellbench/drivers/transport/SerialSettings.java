package io.cellbench.drivers.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Objects;

/**
 * How a serial line is set up. {@code port} is a name or a path ("COM3", "ttyUSB0",
 * "/dev/ttyUSB0", or a link such as a socat pty "/tmp/ttyA").
 */
public record SerialSettings(String port, int baud, int dataBits, Parity parity, StopBits stopBits, FlowControl flowControl) {

    public SerialSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(flowControl, "flowControl");
        if (port.isBlank()) {
            throw new IllegalArgumentException("serial port name is empty");
        }
        if (baud <= 0) {
            throw new IllegalArgumentException("baud rate must be > 0, got " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5..8, got " + dataBits);
        }
    }

    /** 8 data bits, no parity, 1 stop bit, no flow control. */
    public static SerialSettings eightNoneOne(String port, int baud) {
        return new SerialSettings(port, baud, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE);
    }

    /** "/dev/ttyUSB0 9600 8N1". */
    public String describe() {
        return port + " " + baud + " " + dataBits + parity.letter + stopBits.text
                + (flowControl == FlowControl.NONE ? "" : " " + flowControl.settingName);
    }

    public enum Parity {
        NONE("N", SerialPort.NO_PARITY), EVEN("E", SerialPort.EVEN_PARITY), ODD("O", SerialPort.ODD_PARITY),
        MARK("M", SerialPort.MARK_PARITY), SPACE("S", SerialPort.SPACE_PARITY);

        final String letter;
        final int code;

        Parity(String letter, int code) {
            this.letter = letter;
            this.code = code;
        }
    }

    public enum StopBits {
        ONE("1", SerialPort.ONE_STOP_BIT), ONE_AND_HALF("1.5", SerialPort.ONE_POINT_FIVE_STOP_BITS),
        TWO("2", SerialPort.TWO_STOP_BITS);

        final String text;
        final int code;

        StopBits(String text, int code) {
            this.text = text;
            this.code = code;
        }

        /** "1", "1.5" or "2". */
        public String text() {
            return text;
        }
    }

    public enum FlowControl {
        NONE("none", SerialPort.FLOW_CONTROL_DISABLED),
        RTS_CTS("rts-cts", SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED),
        XON_XOFF("xon-xoff", SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED);

        final String settingName;
        final int code;

        FlowControl(String settingName, int code) {
            this.settingName = settingName;
            this.code = code;
        }

        /** The lab-file spelling: none, rts-cts, xon-xoff. */
        public String settingName() {
            return settingName;
        }
    }
}
