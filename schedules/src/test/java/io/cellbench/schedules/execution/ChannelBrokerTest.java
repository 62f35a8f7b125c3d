package io.cellbench.schedules.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cellbench.core.data.CellInfo;
import io.cellbench.protocols.model.Protocol;
import io.cellbench.protocols.model.SourceLocation;
import io.cellbench.schedules.schedule.ScheduledCell;
import io.cellbench.schedules.schedule.Wiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The order in which waiting cells get channels. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChannelBrokerTest {
    private static final SourceLocation AT = new SourceLocation("s.yaml", 1, 1);
    private final List<String> granted = new ArrayList<>();
    private final ChannelBroker broker = new ChannelBroker(
            Map.of("bank", List.of(named("bank/1"), named("bank/2"))),
            (cell, channel) -> granted.add(cell.info().id() + "@" + channel.name()));

    private static Wiring.Named named(String name) {
        return new Wiring.Named(name, AT);
    }

    private static ScheduledCell cell(String id, String channel, String pool) {
        Wiring w = new Wiring(channel == null ? null : named(channel), pool == null ? null : named(pool), null, null,
                null, null, Wiring.StartCondition.NOW);
        return new ScheduledCell(AT, new CellInfo(id, "", "", 0.002, Double.NaN, Double.NaN, ""),
                new Protocol("p", "p.yaml", null, null, List.of()), null, w);
    }

    @Test
    void waitingCellsAreServedInTheOrderTheyAsked() {
        var a = broker.request(cell("a", null, "bank"));
        var b = broker.request(cell("b", null, "bank"));
        var c = broker.request(cell("c", null, "bank"));
        var d = broker.request(cell("d", null, "bank"));
        assertEquals(List.of("a@bank/1", "b@bank/2"), granted);
        assertNull(c.granted());
        broker.release(b.granted());
        assertEquals("bank/2", c.granted().name());
        assertNull(d.granted());
        broker.release(a.granted());
        assertEquals("bank/1", d.granted().name());
    }

    @Test
    void aCellWaitingForABusyFixedChannelDoesNotHoldUpOneThatAnotherChannelServes() {
        broker.request(cell("a", "bank/1", null));
        var b = broker.request(cell("b", "bank/1", null)); // waits for bank/1
        var c = broker.request(cell("c", null, "bank"));   // bank/2 is free: no need to wait behind b
        assertNull(b.granted());
        assertEquals("bank/2", c.granted().name());
        assertEquals("channel bank/1 (0 cells ahead; in use by a)", b.describe());
    }

    @Test
    void aCancelledRequestGivesItsPlaceAndChannelBack() {
        var a = broker.request(cell("a", null, "bank"));
        broker.request(cell("b", null, "bank"));
        var c = broker.request(cell("c", null, "bank"));
        var d = broker.request(cell("d", null, "bank"));
        c.cancel();
        assertEquals("a free channel of pool bank (0 cells ahead; in use by a, b)", d.describe());
        broker.release(a.granted());
        assertEquals("bank/1", d.granted().name());
        assertNull(c.granted());
    }
}
