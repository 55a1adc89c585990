package io.closeloop.messaging;

import java.util.Optional;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Tells a refusal of one record (sending it again can never succeed) from a failure of the broker or the
 * connection (retrying the batch later will). Only the first kind is dead-lettered: an authorization error
 * or an unknown failure pauses the relay instead, so that a misconfiguration never empties the outbox.
 */
final class RecordRefusal {

    private RecordRefusal() {
    }

    /** The reason to store when {@code failure} refuses this record for good; empty when a retry may succeed. */
    static Optional<String> reason(Throwable failure) {
        Throwable cause = failure;
        while (cause != null) {
            if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                    || cause instanceof InvalidRecordException || cause instanceof InvalidTopicException
                    || cause instanceof SerializationException) {
                return Optional.of(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
            cause = cause.getCause();
        }
        return Optional.empty();
    }
}
