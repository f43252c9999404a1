package io.supporthub.app.flow;

import io.supporthub.admin.AttachmentApi;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.apache.camel.Headers;

/** The attachment routes' steps: a ticket's attachment list, and one file with the headers that keep it inert. */
public class AttachmentApiStep {

    private final AttachmentApi api;

    public AttachmentApiStep(AttachmentApi api) {
        this.api = api;
    }

    public String list(@Header(HeaderNames.KEY) String key, @Headers Map<String, Object> headers) {
        String body = api.list(key);
        headers.put(Exchange.CONTENT_TYPE, "application/json");
        return body;
    }

    /** The body becomes the file's bytes; its headers (type, disposition, nosniff) are set on the response. */
    public byte[] download(@Header(HeaderNames.KEY) String key, @Header(HeaderNames.ID) String id, @Headers Map<String, Object> headers) {
        AttachmentApi.Download download = api.download(key, id);
        headers.putAll(download.headers());
        return download.content();
    }
}
