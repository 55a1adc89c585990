package io.closeloop.ingest.config;

import io.closeloop.ingest.service.StrictInput;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Every JSON body of ingest (config routes included) reads numbers strictly: {@code 1.5} is not truncated into an
 * integer field and {@code "77"} is not coerced into a number, so a wrong type is a 400 instead of a silently
 * changed value. Event requests add their own rules on top ({@code StrictInput}).
 */
@Singleton
public class StrictJsonNumbers implements ObjectMapperCustomizer {

    @Override
    @SuppressWarnings("deprecation")
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    }
}
