package io.closeloop.ingest.service.kinds;

import io.closeloop.ingest.config.IngestConfig;
import io.closeloop.ingest.domain.ChannelGrouping;
import jakarta.inject.Singleton;

/** QR codes scanned from print: channel {@code qr_print} unless the code's mapping names another. */
@Singleton
public class QrScanKind extends CodeKind {

    public QrScanKind(RequestReaders readers, IngestConfig config) {
        super("qr-scans", "qr_scan", ChannelGrouping.QR_PRINT, readers, config);
    }
}
