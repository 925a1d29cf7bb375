package io.nurture.runtime;

import io.nurture.local.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP ports some processes listen on and the UDP ports they receive on, as the kernel tells
 * (Linux's /proc): a socket is theirs when one of their file descriptors links to its inode.
 */
public final class ListeningSockets {

    private static final String TCP_LISTEN = "0A";
    /** An unconnected UDP socket: it takes datagrams from anyone who reaches its address. */
    private static final String UDP_UNCONNECTED = "07";

    private ListeningSockets() {}

    public static List<InetSocketAddress> of(Set<Long> pids) throws IOException {
        return sockets(pids, List.of("/proc/net/tcp", "/proc/net/tcp6"), TCP_LISTEN);
    }

    public static List<InetSocketAddress> udpOf(Set<Long> pids) throws IOException {
        return sockets(pids, List.of("/proc/net/udp", "/proc/net/udp6"), UDP_UNCONNECTED);
    }

    private static List<InetSocketAddress> sockets(Set<Long> pids, List<String> tables, String state)
            throws IOException {
        Set<String> inodes = new HashSet<>();
        for (long pid : pids) {
            inodes.addAll(socketInodes(pid));
        }
        List<InetSocketAddress> found = new ArrayList<>();
        for (String table : tables) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals(state) && inodes.contains(fields[9])) {
                    found.add(address(fields[1]));
                }
            }
        }
        return found;
    }

    /**
     * A port the kernel chose (bound to port 0): a client's socket, such as a DNS resolver's, which
     * takes the answers to its own queries; no server is reached there, since nobody is told the port.
     */
    public static boolean kernelChosen(InetSocketAddress socket) {
        return socket.getPort() >= FreePorts.ephemeralStart();
    }

    /** The process and all its descendants. */
    public static Set<Long> treeOf(long pid) {
        Set<Long> pids = new HashSet<>();
        ProcessHandle.of(pid).ifPresent(root -> {
            pids.add(root.pid());
            root.descendants().forEach(child -> pids.add(child.pid()));
        });
        return pids;
    }

    private static Set<String> socketInodes(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // the descriptor closed while we looked
                }
            }
        }
        return inodes;
    }

    /** "0100007F:1F90" (IPv4) or 32 hex digits and a port (IPv6): 32-bit words in the kernel's (little-endian) order. */
    private static InetSocketAddress address(String hexAddress) throws UnknownHostException {
        String[] parts = hexAddress.split(":");
        String hex = parts[0];
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int at = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
            }
        }
        return new InetSocketAddress(InetAddress.getByAddress(bytes), Integer.parseInt(parts[1], 16));
    }
}
