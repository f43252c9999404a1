package io.supporthub.connector.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A file on a Zendesk comment or upload. {@code contentUrl} may point outside the account (Zendesk
 * serves files from other hosts), so the hub sends its credentials there only when it is the account's own.
 *
 * @param size              bytes, as Zendesk reports them; null when it does not say
 * @param malwareScanResult malware_found, malware_not_found, failed_to_scan or not_scanned; null when absent
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ZendeskAttachment(Long id, String fileName, String contentUrl, String contentType, Long size, Boolean inline,
                                Boolean deleted, String malwareScanResult) {

    /** True when Zendesk found malware in the file: the hub does not fetch it. */
    public boolean flaggedAsMalware() {
        return "malware_found".equals(malwareScanResult);
    }
}
