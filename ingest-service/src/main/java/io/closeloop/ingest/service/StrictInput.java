package io.closeloop.ingest.service;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigInteger;

/**
 * How event requests are read, whatever the transport. Numbers: a JSON body must send integers as JSON integers
 * ({@code 1.5}, {@code "77"} and full-width digits are refused, never truncated or coerced); a CSV cell is text by
 * nature and is read by one rule: an optional minus and ASCII digits, nothing else. Text: every string is at most
 * {@link #MAX_TEXT_CHARS} characters and holds no C0 control character other than tab, line feed and carriage
 * return (a NUL byte is refused here rather than breaking the store or a consumer downstream).
 */
public final class StrictInput {

    /** The bound of any free-text field without a tighter rule of its own; URLs have 2,048. */
    public static final int MAX_TEXT_CHARS = 4096;

    private StrictInput() {
    }

    /** A copy of {@code base} that reads JSON bodies strictly. */
    @SuppressWarnings("deprecation")
    public static ObjectMapper forJson(ObjectMapper base) {
        ObjectMapper mapper = base.copy().registerModule(module(false));
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        return mapper;
    }

    /** A copy of {@code base} that reads CSV rows (all cells text) with the one strict rule for numbers. */
    @SuppressWarnings("deprecation")
    public static ObjectMapper forCsv(ObjectMapper base) {
        ObjectMapper mapper = base.copy().registerModule(module(true));
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // Cells are text: booleans and dates are read from it; whole numbers by the module's one rule.
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, true);
        return mapper;
    }

    /** Why {@code text} is refused, or null when it is acceptable free text. */
    public static String textProblem(String text) {
        if (text.length() > MAX_TEXT_CHARS) {
            return "is longer than " + MAX_TEXT_CHARS + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "contains the control character U+%04X at index %d".formatted((int) c, i);
            }
        }
        return null;
    }

    /** A whole number written with an optional minus and ASCII digits only; null when the text is not one. */
    public static BigInteger asciiInteger(String text) {
        int start = text.startsWith("-") ? 1 : 0;
        if (text.length() == start || text.length() > 40) {
            return null;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return new BigInteger(text);
    }

    private static SimpleModule module(boolean textNumbers) {
        SimpleModule module = new SimpleModule("closeloop-strict-input");
        module.addDeserializer(String.class, new Text());
        module.addDeserializer(Long.class, new Whole<>(Long.class, textNumbers, Long.MIN_VALUE, Long.MAX_VALUE));
        module.addDeserializer(Integer.class,
                new Whole<>(Integer.class, textNumbers, Integer.MIN_VALUE, Integer.MAX_VALUE));
        return module;
    }

    private static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token != JsonToken.VALUE_STRING && token != null && !token.isScalarValue()) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getValueAsString();
            if (text == null) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String problem = textProblem(text);
            if (problem != null) {
                throw JsonMappingException.from(p, problem);
            }
            return text;
        }
    }

    /** A boxed whole number; out of range or any other shape is refused with the reason. */
    private static final class Whole<T extends Number> extends StdScalarDeserializer<T> {

        private final Class<T> type;
        private final boolean fromText;
        private final long min;
        private final long max;

        Whole(Class<T> type, boolean fromText, long min, long max) {
            super(type);
            this.type = type;
            this.fromText = fromText;
            this.min = min;
            this.max = max;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigInteger value;
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT) {
                value = p.getBigIntegerValue();
            } else if (token == JsonToken.VALUE_STRING && fromText) {
                value = asciiInteger(p.getText().trim());
                if (value == null) {
                    throw JsonMappingException.from(p, "must be a whole number in ASCII digits");
                }
            } else {
                throw JsonMappingException.from(p, "must be a whole number (a JSON integer, not "
                        + describe(token) + ")");
            }
            if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
                throw JsonMappingException.from(p, "is out of range for a " + type.getSimpleName());
            }
            return type.cast(type == Long.class ? (Object) value.longValue() : (Object) value.intValue());
        }

        private static String describe(JsonToken token) {
            if (token == JsonToken.VALUE_NUMBER_FLOAT) {
                return "a fraction";
            }
            if (token == JsonToken.VALUE_STRING) {
                return "text";
            }
            return token == null ? "nothing" : token.asString() == null ? token.name() : token.asString();
        }
    }
}
