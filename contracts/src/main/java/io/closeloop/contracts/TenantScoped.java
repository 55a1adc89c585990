package io.closeloop.contracts;

/** Every message names its tenant; consumers check it against the {@code tenant} header. */
public interface TenantScoped {
    String tenant();
}
