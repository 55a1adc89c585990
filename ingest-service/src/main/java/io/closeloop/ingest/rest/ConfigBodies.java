package io.closeloop.ingest.rest;

import io.closeloop.common.InvalidInputException;

final class ConfigBodies {

    private ConfigBodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInputException("$", "a JSON body is required");
        }
        return body;
    }
}
