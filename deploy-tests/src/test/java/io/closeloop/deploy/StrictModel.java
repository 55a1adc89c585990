package io.closeloop.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads core Kubernetes objects into the fabric8 model classes and refuses any field the model does not know.
 * The model keeps unknown fields in {@code additionalProperties} instead of failing; a field landing there is a
 * typo or a misplaced key that the API server would drop or refuse.
 */
final class StrictModel {

    static final Map<String, Class<?>> CORE_KINDS = Map.ofEntries(
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Pod", Pod.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("batch/v1/Job", Job.class));

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private StrictModel() {
    }

    static boolean isCore(JsonNode document) {
        return CORE_KINDS.containsKey(key(document));
    }

    static String key(JsonNode document) {
        return document.path("apiVersion").asText() + "/" + document.path("kind").asText();
    }

    /** The object, or an AssertionError naming every unknown field by its path. */
    static <T> T read(JsonNode document) {
        Class<?> type = CORE_KINDS.get(key(document));
        if (type == null) {
            throw new AssertionError("not a core kind: " + key(document));
        }
        Object value;
        try {
            value = MAPPER.treeToValue(document, type);
        } catch (Exception e) {
            throw new AssertionError(Documents.describe(document) + ": " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        collectUnknown(value, Documents.describe(document), unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError("unknown fields " + unknown);
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    private static void collectUnknown(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, path + "." + k, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object child = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    extra.keySet().forEach(k -> unknown.add(path + "." + k));
                }
            } else {
                collectUnknown(child, path + "." + property(getter), unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
