package io.cellbench.drivers.neware;

import io.cellbench.core.instrument.NativeProgramCycler;
import io.cellbench.core.instrument.InstrumentException;
import io.cellbench.core.instrument.VerifiedFact;
import io.cellbench.drivers.transport.ByteTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Element;

/**
 * A Neware BTS server (BTS Client 8.x with its API activated) over its XML/TCP API: one
 * connection, logged in, shared by every channel. Its channels are those {@code getdevinfo}
 * reports, each addressed devtype-devid-subdevid-chlid ({@code 27-1-1-3}); {@link #channel}
 * hands out one {@link NewareBtsChannel} per address. See docs/drivers.md, "Neware BTS".
 */
public final class NewareBts implements NativeProgramCycler {
    private final String name;
    private final NewareBtsSettings settings;
    private final BtsSession session;
    private final StepShare share;
    private final Map<BtsAddress, String> ips = new LinkedHashMap<>();
    private final Map<BtsAddress, NewareBtsChannel> channels = new ConcurrentHashMap<>();
    private String database = "";

    private NewareBts(String name, NewareBtsSettings settings, ByteTransport transport) {
        this.name = name;
        this.settings = settings;
        this.session = new BtsSession(name, settings, transport);
        this.share = new StepShare(settings.stepShare(), settings.stepShareOnBts());
    }

    /** Connects, logs in and reads the channel map; throws naming the instrument when it cannot. */
    public static NewareBts open(String name, NewareBtsSettings settings) {
        return open(name, settings, settings.transport().create(Duration.ofSeconds(10)));
    }

    static NewareBts open(String name, NewareBtsSettings settings, ByteTransport transport) {
        NewareBts bts = new NewareBts(name, settings, transport);
        try {
            bts.session.open();
            bts.readChannelMap();
        } catch (RuntimeException e) {
            bts.close();
            throw e;
        }
        return bts;
    }

    private void readChannelMap() {
        BtsReply r = session.query("getdevinfo", BtsRequests.getdevinfo(), "getdevinfo");
        Element server = r.element("serverip") == null ? null : first(r.items("serverip"));
        if (server != null) {
            database = BtsReply.attr(server, "ip") + ":" + BtsReply.attr(server, "port");
        }
        for (Element c : r.items("middle")) {
            // the channel map says Channelid; other replies say chlid
            String chl = c.hasAttribute("Channelid") ? c.getAttribute("Channelid") : c.getAttribute("chlid");
            BtsAddress a = BtsAddress.parse(c.getAttribute("devtype") + "-" + c.getAttribute("devid") + "-"
                    + c.getAttribute("subdevid") + "-" + chl);
            ips.put(a, c.hasAttribute("ip") ? c.getAttribute("ip") : "127.0.0.1");
        }
        if (ips.isEmpty()) {
            throw new InstrumentException(name, "getdevinfo", "BTS reports no channels: check in BTS Client that its"
                    + " devices are online");
        }
    }

    /** The channels BTS reports, in its order. */
    public List<BtsAddress> addresses() {
        return List.copyOf(ips.keySet());
    }

    /** The channel at {@code address} ("27-1-1-3"). */
    public NewareBtsChannel channel(String address) {
        return channel(BtsAddress.parse(address));
    }

    @Override
    public NewareBtsChannel programChannel(String address) {
        return channel(address);
    }

    public NewareBtsChannel channel(BtsAddress address) {
        String ip = ips.get(address);
        if (ip == null) {
            List<String> known = new ArrayList<>();
            ips.keySet().forEach(a -> known.add(a.text()));
            throw new IllegalArgumentException(name + " has no channel " + address + "; BTS reports " + (known.size() > 12
                    ? String.join(", ", known.subList(0, 12)) + ", … (" + known.size() + ")" : String.join(", ", known)));
        }
        return channels.computeIfAbsent(address, a -> new NewareBtsChannel(this, a, ip));
    }

    BtsSession session() {
        return session;
    }

    NewareBtsSettings settings() {
        return settings;
    }

    StepShare share() {
        return share;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String identify() {
        BtsAddress first = ips.keySet().iterator().next();
        return "Neware BTS API on " + settings.transport().host() + ":" + settings.transport().port() + ", "
                + ips.size() + (ips.size() == 1 ? " channel" : " channels") + " (first " + first + ")";
    }

    @Override
    public List<VerifiedFact> verified() {
        List<VerifiedFact> out = new ArrayList<>();
        out.add(VerifiedFact.ok("API login", "accepted for user '" + settings.username() + "'"));
        out.add(VerifiedFact.ok("channels", ips.size() + " (" + addresses().getFirst() + " … "
                + addresses().getLast() + ")"));
        if (!database.isEmpty()) {
            out.add(VerifiedFact.ok("BTS database server", database));
        }
        if (settings.stepShare() == null) {
            out.add(VerifiedFact.warn("step files", "read by BTS where cellbench writes them",
                    "no step_share: this works only when BTS runs on this machine; set step_share and step_share_on_bts"));
        }
        return out;
    }

    private static Element first(List<Element> items) {
        return items.isEmpty() ? null : items.getFirst();
    }

    @Override
    public void close() {
        session.close();
    }
}
