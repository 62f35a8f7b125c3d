package io.cellbench.drivers.modbus;

import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.TemperatureChamber;
import io.cellbench.core.instrument.VerifiedFact;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A climate chamber or hot plate controller on Modbus: the actual temperature and the setpoint
 * are registers of its map, and an optional run register is switched on with each setpoint
 * (many controllers ignore a setpoint while stopped). Closing leaves the controller running
 * at its setpoint: a chamber keeps its temperature when the software lets go.
 */
public final class ModbusChamber extends ModbusInstrument implements TemperatureChamber {

    private static final double ZERO_CELSIUS_IN_KELVIN = 273.15;

    private final ModbusChamberSettings settings;

    ModbusChamber(String name, ModbusMaster master, ModbusChamberSettings settings) {
        super("modbus-chamber", name, master);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Connects and reads the temperature once; on failure the link is closed. */
    public static ModbusChamber open(String name, ModbusChamberSettings settings) {
        return connected(new ModbusChamber(name, settings.link().master(name), settings), ModbusChamber::probe);
    }

    /** The open's read: the temperature, reported as its register holds it. */
    private List<VerifiedFact> probe() {
        double kelvin = RegisterIo.read(master, settings.temperature());
        return List.of(read("temperature", settings.temperature(), kelvin));
    }

    @Override
    public double readTemperatureCelsius() {
        return RegisterIo.read(master, settings.temperature()) - ZERO_CELSIUS_IN_KELVIN;
    }

    @Override
    public double setpointCelsius() {
        return RegisterIo.read(master, settings.setpoint()) - ZERO_CELSIUS_IN_KELVIN;
    }

    @Override
    public void setTemperatureCelsius(double celsius) {
        String what = String.format(Locale.ROOT, "set temperature %.2f °C", celsius);
        if (!(celsius >= settings.minCelsius() && celsius <= settings.maxCelsius())) {
            throw new InstrumentException(name, what, "setpoint must be between " + settings.minCelsius() + " and "
                    + settings.maxCelsius() + " °C (settings 'min_temperature', 'max_temperature')");
        }
        RegisterIo.write(master, settings.setpoint(), celsius + ZERO_CELSIUS_IN_KELVIN, what);
        if (settings.run() != null) {
            RegisterIo.switchOn(master, settings.run(), true);
        }
    }
}
