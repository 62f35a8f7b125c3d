"""PyMeasure's Keithley2450 driver, a client cellbench did not write, against a 2450 at 127.0.0.1.

Run with Debian's interpreter (/usr/bin/python3: python3-pymeasure 0.9.0, python3-pyvisa-py):

    pymeasure_keithley2450.py PORT CURRENT_A COMPLIANCE_V

Configures a current source with a voltage compliance and a voltage measurement through
PyMeasure's own methods, applies the current, reads the voltage, reads settings back, shuts
the source down, and prints one JSON object: what it read and every error the instrument
reported on the way (PyMeasure's check_errors logs them; they are collected here).
"""
import json
import logging
import sys

from pymeasure.instruments.keithley import Keithley2450


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.errors = []

    def emit(self, record):
        if "reported error" in record.getMessage() or "Timed out" in record.getMessage():
            self.errors.append(record.getMessage())


def main():
    port, current, compliance = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    collect = Collect()
    logging.getLogger("pymeasure").addHandler(collect)
    logging.getLogger("pymeasure").setLevel(logging.INFO)
    smu = Keithley2450("TCPIP::127.0.0.1::%d::SOCKET" % port, visa_library="@py",
                       read_termination="\n", write_termination="\n", timeout=10000)
    out = {"id": smu.id}
    smu.apply_current(compliance_voltage=compliance)   # :SOUR:FUNC CURR, source autorange, :SOUR:CURR:VLIM
    smu.measure_voltage()                               # :SENS:FUNC 'VOLT', NPLC, measure autorange
    smu.source_current = current
    smu.enable_source()
    out["source_enabled"] = smu.source_enabled
    out["voltage"] = smu.voltage
    out["source_current"] = smu.source_current
    out["compliance_voltage"] = smu.compliance_voltage
    out["voltage_nplc"] = smu.voltage_nplc
    out["source_mode"] = smu.source_mode
    smu.voltage_range = 20                               # a fixed range: autorange off, then the range
    out["voltage_range"] = smu.voltage_range
    out["voltage_on_fixed_range"] = smu.voltage
    out["status_byte"] = int(smu.ask("*STB?"))  # Instrument.status is a property object on 0.9, not a value
    smu.check_errors()
    smu.shutdown()                                      # ramps to 0 A, :ABOR, output off
    out["source_enabled_after_shutdown"] = smu.source_enabled
    smu.check_errors()
    out["errors"] = collect.errors
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
