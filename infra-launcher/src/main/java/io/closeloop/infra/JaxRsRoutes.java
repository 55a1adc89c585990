package io.closeloop.infra;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The JAX-RS routes a service really has, found by reflection over its compiled classes (test classes left
 * out), with the roles each allows: the list an OpenAPI document is checked against.
 */
public final class JaxRsRoutes {

    /** One resource method: HTTP method, path template with regexes stripped, roles (empty: any authenticated). */
    public record Route(String method, String path, Set<String> roles) {
        public String operation() {
            return method + " " + path;
        }
    }

    private JaxRsRoutes() {
    }

    /** Every resource method of the classes under {@code rootPackage} compiled into a directory of main classes. */
    public static List<Route> scan(ClassLoader loader, String rootPackage) throws IOException {
        List<Route> routes = new ArrayList<>();
        String root = rootPackage.replace('.', '/');
        Enumeration<URL> dirs = loader.getResources(root);
        while (dirs.hasMoreElements()) {
            URL url = dirs.nextElement();
            if (!"file".equals(url.getProtocol()) || url.getPath().contains("test-classes")) {
                continue;
            }
            Path dir;
            try {
                dir = Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            Path base = dir;
            for (int i = 0; i < root.split("/").length; i++) {
                base = base.getParent();
            }
            Path classesRoot = base;
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = classesRoot.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    routes.addAll(routes(load(loader, name)));
                }
            }
        }
        return routes;
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Object.class;
        }
    }

    private static List<Route> routes(Class<?> type) {
        Annotation classPath = annotation(type, "jakarta.ws.rs.Path");
        if (classPath == null || type.isInterface()) {
            return List.of();
        }
        List<Route> routes = new ArrayList<>();
        for (Method method : type.getDeclaredMethods()) {
            String http = httpMethod(method);
            if (http == null) {
                continue;
            }
            Annotation methodPath = annotation(method, "jakarta.ws.rs.Path");
            String path = join(value(classPath), methodPath == null ? "" : value(methodPath));
            Set<String> roles = roles(annotation(method, "jakarta.annotation.security.RolesAllowed"));
            if (roles == null) {
                roles = roles(annotation(type, "jakarta.annotation.security.RolesAllowed"));
            }
            routes.add(new Route(http, path, roles == null ? Set.of() : roles));
        }
        return routes;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            for (Annotation meta : annotation.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals("jakarta.ws.rs.HttpMethod")) {
                    return (String) invoke(meta, "value");
                }
            }
        }
        return null;
    }

    private static Set<String> roles(Annotation rolesAllowed) {
        if (rolesAllowed == null) {
            return null;
        }
        return new LinkedHashSet<>(List.of((String[]) invoke(rolesAllowed, "value")));
    }

    private static Annotation annotation(AnnotatedElement element, String type) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getName().equals(type)) {
                return annotation;
            }
        }
        return null;
    }

    private static String value(Annotation path) {
        return (String) invoke(path, "value");
    }

    private static Object invoke(Annotation annotation, String member) {
        try {
            return annotation.annotationType().getMethod(member).invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Joins two path segments and strips parameter regexes: {@code {id: [0-9]+}} becomes {@code {id}}. */
    static String join(String first, String second) {
        String path = ("/" + first + "/" + second).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
    }
}
