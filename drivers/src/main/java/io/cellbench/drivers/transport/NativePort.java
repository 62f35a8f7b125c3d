package io.cellbench.drivers.transport;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;

/**
 * The native calls {@link SerialTransport} makes on an open port. A seam, so that a test can
 * put in a port whose native read never returns — a fault a real pty cannot be made to
 * produce on demand.
 */
interface NativePort {

    /** Opens a port; {@link #JSERIALCOMM} is the real one. */
    @FunctionalInterface
    interface Opener {
        NativePort open(SerialSettings settings, int writeTimeoutMillis) throws IOException;
    }

    boolean isOpen();

    /** Bytes read (0 when none came within the poll), or a negative number on failure. */
    int read(byte[] buffer, int offset, int length);

    /** Bytes written (0 when the write timeout passed), or a negative number on failure. */
    int write(byte[] bytes, int offset, int length);

    int bytesAvailable();

    int lastErrorCode();

    void close();

    /**
     * jSerialComm, read in {@link SerialPort#TIMEOUT_READ_SEMI_BLOCKING} mode with a
     * {@link SerialTransport#POLL_MILLIS} poll. The timeouts are set once here, because
     * changing them per read can cost hundreds of milliseconds through the native layer.
     */
    Opener JSERIALCOMM = (settings, writeTimeoutMillis) -> {
        SerialPort p;
        try {
            p = SerialPort.getCommPort(settings.port());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("there is no serial port '" + settings.port() + "'", e);
        }
        p.setComPortParameters(settings.baud(), settings.dataBits(), settings.stopBits().code, settings.parity().code);
        p.setFlowControl(settings.flowControl().code);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                SerialTransport.POLL_MILLIS, writeTimeoutMillis);
        if (!p.openPort()) {
            throw new IOException("cannot open serial port '" + settings.port() + "' (missing, or in use by another"
                    + " program; native error " + p.getLastErrorCode() + ")");
        }
        p.flushIOBuffers();
        return new NativePort() {
            @Override
            public boolean isOpen() {
                return p.isOpen();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return p.readBytes(buffer, length, offset);
            }

            @Override
            public int write(byte[] bytes, int offset, int length) {
                return p.writeBytes(bytes, length, offset);
            }

            @Override
            public int bytesAvailable() {
                return p.bytesAvailable();
            }

            @Override
            public int lastErrorCode() {
                return p.getLastErrorCode();
            }

            @Override
            public void close() {
                p.closePort();
            }
        };
    };
}
