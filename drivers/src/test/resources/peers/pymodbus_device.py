"""A Modbus device served by pymodbus, an implementation cellbench did not write.

Run with Debian's interpreter (/usr/bin/python3: python3-pymodbus 3.0.0rc1, python3-serial-asyncio):

    pymodbus_device.py tcp [--units 1,2]            serves Modbus TCP on 127.0.0.1, a free port
    pymodbus_device.py rtu PORT [--units 1,2]       serves Modbus RTU on a serial port (a socat pty end),
                                                    115200 baud 8N1; one line, one device per unit id

Each unit id has its own registers: coils, holding and input registers 0..199, protocol addresses
as sent on the wire (zero_mode). The script reports where it serves on its first stdout line
("tcp <port>" or "rtu <port path>"), then answers one line per command read from stdin:

    set UNIT TABLE ADDRESS TYPE ORDER VALUE   puts VALUE, encoded by pymodbus's BinaryPayloadBuilder
    get UNIT TABLE ADDRESS TYPE ORDER         the value there, decoded by pymodbus's BinaryPayloadDecoder
    answer-writes CODE COUNT                  the next COUNT write requests get Modbus exception CODE
                                              (the write is executed first, as for 5, acknowledge)
    quit

TABLE is hr, ir or co; TYPE int16, uint16, int32, uint32, float32 or bit (a coil); ORDER big or little,
the word order of 32-bit types ("-" for the others). VALUE may be nan, inf or -inf for float32. Answers: "ok", the value,
or "error <why>".
"""
import asyncio
import math
import sys
import threading

from pymodbus.constants import Endian
from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.framer.rtu_framer import ModbusRtuFramer
from pymodbus.payload import BinaryPayloadBuilder, BinaryPayloadDecoder
from pymodbus.pdu import ExceptionResponse
from pymodbus.server.async_io import ModbusSerialServer, ModbusTcpServer

SIZE = 200
WRITES = {5, 6, 15, 16}
TABLE_CODE = {"hr": 3, "ir": 4, "co": 1}


def new_unit():
    return ModbusSlaveContext(
        co=ModbusSequentialDataBlock(0, [False] * SIZE),
        di=ModbusSequentialDataBlock(0, [False] * SIZE),
        hr=ModbusSequentialDataBlock(0, [0] * SIZE),
        ir=ModbusSequentialDataBlock(0, [0] * SIZE),
        zero_mode=True,
    )


class Device:
    def __init__(self, units):
        self.context = ModbusServerContext(slaves={u: new_unit() for u in units}, single=False)
        self.answer_code = 0
        self.answers_left = 0

    def manipulate(self, response):
        """pymodbus calls this with each response before it is sent."""
        if self.answers_left > 0 and getattr(response, "function_code", 0) in WRITES:
            self.answers_left -= 1
            refused = ExceptionResponse(response.function_code, self.answer_code)
            refused.transaction_id = response.transaction_id
            refused.unit_id = response.unit_id
            return refused, False
        return response, False

    def command(self, words):
        if words[0] == "answer-writes":
            self.answer_code, self.answers_left = int(words[1]), int(words[2])
            return "ok"
        unit, table, address, kind = int(words[1]), words[2], int(words[3]), words[4]
        order = Endian.Big if words[5] == "big" else Endian.Little
        slave = self.context[unit]
        fc = TABLE_CODE[table]
        if words[0] == "set":
            value = words[6]
            if kind == "bit":
                slave.setValues(fc, address, [value in ("1", "on", "true")])
                return "ok"
            builder = BinaryPayloadBuilder(byteorder=Endian.Big, wordorder=order)
            if kind == "float32":
                builder.add_32bit_float(float(value))
            elif kind == "int32":
                builder.add_32bit_int(int(value))
            elif kind == "uint32":
                builder.add_32bit_uint(int(value))
            elif kind == "int16":
                builder.add_16bit_int(int(value))
            elif kind == "uint16":
                builder.add_16bit_uint(int(value))
            else:
                return "error unknown type " + kind
            slave.setValues(fc, address, builder.to_registers())
            return "ok"
        if words[0] == "get":
            if kind == "bit":
                return "1" if slave.getValues(fc, address, 1)[0] else "0"
            count = 2 if kind.endswith("32") else 1
            decoder = BinaryPayloadDecoder.fromRegisters(slave.getValues(fc, address, count),
                                                         byteorder=Endian.Big, wordorder=order)
            value = {"float32": decoder.decode_32bit_float, "int32": decoder.decode_32bit_int,
                     "uint32": decoder.decode_32bit_uint, "int16": decoder.decode_16bit_int,
                     "uint16": decoder.decode_16bit_uint}[kind]()
            return repr(value) if not (isinstance(value, float) and math.isnan(value)) else "nan"
        return "error unknown command " + words[0]


def answer_stdin(device, loop, done):
    """Reads commands on a plain thread; each runs on the server's event loop, between requests."""
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "quit":
            break

        async def run(w=words):
            try:
                return device.command(w)
            except Exception as e:  # report, keep serving
                return "error " + repr(e)

        print(asyncio.run_coroutine_threadsafe(run(), loop).result(), flush=True)
    loop.call_soon_threadsafe(done.set)


async def main():
    args = sys.argv[1:]
    units = [1]
    if "--units" in args:
        at = args.index("--units")
        units = [int(u) for u in args[at + 1].split(",")]
        del args[at:at + 2]
    device = Device(units)
    loop = asyncio.get_running_loop()
    done = asyncio.Event()
    if args[0] == "tcp":
        server = ModbusTcpServer(device.context, address=("127.0.0.1", 0), loop=loop,
                                 response_manipulator=device.manipulate)
        task = asyncio.create_task(server.serve_forever())
        await server.serving
        print("tcp %d" % server.server.sockets[0].getsockname()[1], flush=True)
    elif args[0] == "rtu":
        server = ModbusSerialServer(device.context, framer=ModbusRtuFramer, port=args[1], baudrate=115200,
                                    bytesize=8, parity="N", stopbits=1, response_manipulator=device.manipulate)
        await server.start()
        task = asyncio.create_task(server.serve_forever())
        print("rtu " + args[1], flush=True)
    else:
        print("error usage: pymodbus_device.py (tcp | rtu PORT) [--units 1,2]", flush=True)
        return 2
    threading.Thread(target=answer_stdin, args=(device, loop, done), daemon=True).start()
    await done.wait()
    task.cancel()
    if hasattr(server, "server_close"):
        await server.server_close()
    else:
        await server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
