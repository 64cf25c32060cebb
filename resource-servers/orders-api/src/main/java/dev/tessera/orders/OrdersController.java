package dev.tessera.orders;

import io.lettuce.core.RedisException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import dev.tessera.web.ErrorBody;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/orders} needs scope orders:read; {@code POST /api/orders} needs orders:write. */
@Controller("/api/orders")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrdersController {

    private final OrderStore orders;
    private final ServerIdentity server;

    public OrdersController(OrderStore orders, ServerIdentity server) {
        this.orders = orders;
        this.server = server;
    }

    @Get
    @Secured("scope:orders:read")
    public OrderList list(Authentication caller) {
        return new OrderList(server.serverId(), orders.latest(caller.getName(), 50));
    }

    @Post
    @Secured("scope:orders:write")
    public HttpResponse<Order> place(Authentication caller, @Valid @Body NewOrder order) {
        Order placed = new Order(UUID.randomUUID().toString(), order.item().strip(), order.quantity(), Instant.now(),
                (String) caller.getAttributes().get("client_id"));
        orders.add(caller.getName(), placed);
        return HttpResponse.created(placed);
    }

    @Error(exception = RedisException.class)
    public HttpResponse<ErrorBody> storeUnavailable(RedisException e) {
        return HttpResponse.<ErrorBody>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(new ErrorBody("store_unavailable", "orders are unavailable right now; try again shortly"));
    }

    /** The caller's latest orders, and which replica answered. */
    @Serdeable
    public record OrderList(String server_id, List<Order> orders) {
    }
}
