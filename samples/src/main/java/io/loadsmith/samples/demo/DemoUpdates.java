package io.loadsmith.samples.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpHandler;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.core.protocol.version13.Hybi13Handshake;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo API's WebSocket channel of order updates, {@code /api/updates} (subprotocol
 * {@value #SUBPROTOCOL} when asked for). Each text message is a JSON object with a {@code type}:
 * <ul>
 * <li>{@code {"type":"subscribe","orderId":ID}}: {@code {"type":"subscribed","orderId":ID}}, then
 *     {@code {"type":"status","orderId":ID,"status":STATUS}}; an unknown order gets an error;</li>
 * <li>{@code {"type":"ping","id":X}}: {@code {"type":"pong","id":X}};</li>
 * <li>anything else: {@code {"type":"error","message":...}}.</li>
 * </ul>
 */
public final class DemoUpdates {
    /** The subprotocol the channel speaks, when a client asks for one. */
    public static final String SUBPROTOCOL = "bookshop.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One message of the channel.
     *
     * @param session  the session it belongs to, numbered from 1 in order of connection
     * @param received true for a message from the client, false for one the channel sent
     * @param nanoTime when it was received or sent, from {@link System#nanoTime()}
     */
    public record Message(long session, boolean received, String text, long nanoTime) {}

    private final Map<String, ObjectNode> orders;
    private final ConcurrentLinkedQueue<Message> log = new ConcurrentLinkedQueue<>();
    private final AtomicLong sessions = new AtomicLong();
    private final Set<WebSocketChannel> open = ConcurrentHashMap.newKeySet();

    DemoUpdates(Map<String, ObjectNode> orders) {
        this.orders = orders;
    }

    /** The handler that upgrades a handshake to a session of this channel; any other request goes to {@code next}. */
    HttpHandler handshake(HttpHandler next) {
        return new WebSocketProtocolHandshakeHandler(Set.of(new Hybi13Handshake(Set.of(SUBPROTOCOL), false)), this::connected, next);
    }

    List<Message> messages() {
        return List.copyOf(log);
    }

    void close() {
        for (WebSocketChannel channel : open) {
            try {
                channel.close();
            } catch (IOException e) {
                // The server stops anyway.
            }
        }
    }

    private void connected(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        long session = sessions.incrementAndGet();
        open.add(channel);
        channel.addCloseTask(open::remove);
        channel.getReceiveSetter().set(new AbstractReceiveListener() {
            @Override
            protected void onFullTextMessage(WebSocketChannel socket, BufferedTextMessage message) {
                String text = message.getData();
                log.add(new Message(session, true, text, System.nanoTime()));
                for (String reply : answers(text)) {
                    log.add(new Message(session, false, reply, System.nanoTime()));
                    WebSockets.sendText(reply, socket, null);
                }
            }
        });
        channel.resumeReceives();
    }

    private List<String> answers(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return List.of(error("a message is a JSON object with a type"));
        }
        String type = message.path("type").asText("");
        List<ObjectNode> replies = new ArrayList<>();
        switch (type) {
            case "subscribe" -> {
                String id = message.path("orderId").asText("");
                ObjectNode order = orders.get(id);
                if (order == null) {
                    return List.of(error("no order " + id));
                }
                replies.add(JSON.createObjectNode().put("type", "subscribed").put("orderId", id));
                replies.add(JSON.createObjectNode().put("type", "status").put("orderId", id).put("status", order.path("status").asText()));
            }
            case "ping" -> {
                ObjectNode pong = JSON.createObjectNode().put("type", "pong");
                pong.set("id", message.path("id"));
                replies.add(pong);
            }
            default -> {
                return List.of(error("unknown message type '" + type + "': use subscribe or ping"));
            }
        }
        return replies.stream().map(ObjectNode::toString).toList();
    }

    private static String error(String message) {
        return JSON.createObjectNode().put("type", "error").put("message", message).toString();
    }
}
