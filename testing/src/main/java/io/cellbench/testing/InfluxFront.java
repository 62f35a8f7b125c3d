package io.cellbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The address an {@link InfluxServer}'s clients are given, on 127.0.0.1, the same for the
 * server's whole life: a small TCP relay to wherever influxd listens now. influxd itself binds
 * port 0 at every start, so an outage (kill, restart) never asks for a port that was let go; on a
 * busy machine another process may have taken it (issue 17: "bind: address already in use").
 *
 * <p>While influxd is down the address refuses connections, as a crashed server's would: the
 * relay stops listening, and a bound socket that never listens keeps the port. Both set
 * {@code SO_REUSEPORT} (which Linux shares only between sockets of one user that all ask for it)
 * and the keeper does not set {@code SO_REUSEADDR}, so no other socket can bind the port meanwhile
 * and neither port-0 binds nor outgoing connections are handed it.
 */
final class InfluxFront implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final Socket keeper = new Socket();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private ServerSocket listener;
    private Thread acceptor;
    private volatile int target;

    InfluxFront() {
        try {
            keeper.setReuseAddress(false);
            keeper.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            keeper.bind(new InetSocketAddress(LOOPBACK, 0));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hold a port on 127.0.0.1 for influxd", e);
        }
    }

    int port() {
        return keeper.getLocalPort();
    }

    /** Relays connections to influxd at {@code port} from now on. */
    synchronized void open(int port) {
        if (listener != null) {
            throw new IllegalStateException("already relaying to influxd at port " + target);
        }
        target = port;
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true); // past connections of this address in TIME_WAIT do not keep it
            s.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            s.bind(new InetSocketAddress(LOOPBACK, port()), 64);
            listener = s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the held port 127.0.0.1:" + port(), e);
        }
        ServerSocket accepting = listener;
        acceptor = relayThread("influx-front-" + port()).start(() -> accept(accepting));
    }

    /** From now on connections are refused, and those open are cut, as when the server dies. */
    synchronized void refuse() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
            // The kernel's listening socket goes only when the thread blocked in accept() has
            // left it: until then a connection would still be taken (seen 97 times in 3,000
            // refusals on a loaded machine without this wait).
            try {
                acceptor.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the relay stopped listening", e);
            }
        }
        open.forEach(InfluxFront::cut);
    }

    @Override
    public synchronized void close() {
        refuse();
        closeQuietly(keeper);
    }

    private void accept(ServerSocket accepting) {
        while (true) {
            Socket client;
            try {
                client = accepting.accept();
            } catch (IOException closed) {
                return; // refuse() closed it
            }
            open.add(client); // before refuse() can look: it joins this thread first
            relayThread("influx-front-relay").start(() -> relay(client));
        }
    }

    private void relay(Socket client) {
        Socket server = new Socket();
        open.add(server);
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(new InetSocketAddress(LOOPBACK, target));
        } catch (IOException e) {
            cut(client); // influxd went away between accept and connect: a reset, as a dying server gives
            forget(client, server);
            return;
        }
        Thread up = relayThread("influx-front-relay").start(() -> pump(client, server));
        pump(server, client);
        try {
            up.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(client);
        closeQuietly(server);
        forget(client, server);
    }

    /** Copies one direction until its end; a broken side cuts the other, so neither waits on a dead peer. */
    private static void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            cut(from);
            cut(to);
        }
    }

    /**
     * Platform threads, not virtual: closing a socket that a virtual thread is blocked on leaves
     * the close to that thread whenever it next runs; a platform thread is signalled out of its
     * system call at once.
     */
    private static Thread.Builder relayThread(String name) {
        return Thread.ofPlatform().daemon().name(name);
    }

    private void forget(Socket client, Socket server) {
        open.remove(client);
        open.remove(server);
    }

    /** Closes with a reset (linger 0): the peer learns at once that the connection is gone. */
    private static void cut(Socket s) {
        try {
            if (!s.isClosed()) {
                s.setSoLinger(true, 0);
            }
        } catch (SocketException ignored) {
            // closing anyway
        }
        closeQuietly(s);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // nothing to do about a socket that will not close
        }
    }
}
