package dev.tessera.auth.support;

import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import java.sql.Connection;
import java.util.Optional;

/**
 * Transactions for plain-Java tests over in-memory stores: the callback just runs. There is nothing
 * to roll back in memory, so what a rollback undoes is tested over HTTP against PostgreSQL instead.
 */
public final class DirectTransactions implements TransactionOperations<Connection> {

    @Override
    public Connection getConnection() {
        throw new UnsupportedOperationException("in-memory stores have no connection");
    }

    @Override
    public boolean hasConnection() {
        return false;
    }

    @Override
    public Optional<? extends TransactionStatus<?>> findTransactionStatus() {
        return Optional.empty();
    }

    @Override
    public <R> R execute(TransactionDefinition definition, TransactionCallback<Connection, R> callback) {
        return callback.apply(null);
    }
}
