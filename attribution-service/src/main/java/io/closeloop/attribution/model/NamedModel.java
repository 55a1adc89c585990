package io.closeloop.attribution.model;

/** What every model carries besides its weights: its id and the version of its parameters. */
abstract class NamedModel implements AttributionModel {

    private final String id;
    private final int configVersion;

    NamedModel(String id, int configVersion) {
        this.id = id;
        this.configVersion = configVersion;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final int configVersion() {
        return configVersion;
    }
}
