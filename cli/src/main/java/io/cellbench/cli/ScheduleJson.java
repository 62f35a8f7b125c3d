package io.cellbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cellbench.protocols.ProtocolJson;
import io.cellbench.schedules.schedule.Schedule;
import io.cellbench.schedules.schedule.ScheduledCell;

/** The normalized form of a schedule: its cells, each with its protocol as {@link ProtocolJson} prints it. */
final class ScheduleJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(io.cellbench.core.format.PlainJson.factory())
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ScheduleJson() {
    }

    static String toJson(Schedule schedule) {
        try {
            return MAPPER.writeValueAsString(toTree(schedule));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode toTree(Schedule schedule) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schedule", schedule.name());
        ArrayNode cells = root.putArray("cells");
        for (ScheduledCell c : schedule.cells()) {
            ObjectNode cell = cells.addObject();
            cell.put("id", c.info().id());
            cell.put("line", c.at().line());
            cell.put("format", c.info().format());
            cell.put("chemistry", c.info().chemistry());
            cell.put("nominal_capacity_ah", c.info().nominalCapacityAh());
            putNumber(cell, "area_m2", c.info().areaSquareMetre());
            putNumber(cell, "mass_kg", c.info().massKilogram());
            ObjectNode sim = cell.putObject("simulation");
            sim.put("preset", c.simulation().preset());
            sim.put("seed", c.simulation().seed());
            sim.put("initial_pressure_pa", c.simulation().initialPressurePa());
            cell.set("protocol", ProtocolJson.toTree(c.protocol()));
        }
        return root;
    }

    private static void putNumber(ObjectNode node, String key, double v) {
        if (Double.isNaN(v)) {
            node.putNull(key);
        } else {
            node.put(key, v);
        }
    }
}
