package io.supporthub.mail.mime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Unpacks the files from a TNEF (winmail.dat) blob, plus its RTF/HTML/text body as body.rtf, body.html, body.txt,
 * the way MimeKit names them. Apache POI's HMEF does this too but brings ~3 MB of POI for one small format.
 */
final class TnefReader {

    private static final int SIGNATURE = 0x223e9f78;
    private static final int LEVEL_ATTACHMENT = 2;
    private static final int ATT_ATTACH_REND_DATA = 0x9002;
    private static final int ATT_ATTACH_TITLE = 0x8010;
    private static final int ATT_ATTACH_DATA = 0x800f;
    private static final int ATT_ATTACHMENT = 0x9005;
    private static final int ATT_MSG_PROPS = 0x9003;
    private static final int ATT_OEM_CODEPAGE = 0x9007;

    private final List<MailAttachment> out = new ArrayList<>();
    private final long maxAttachmentBytes;
    private final List<String> warnings;
    private String codepage = "windows-1252";
    private Pending current;

    /** An attachment being assembled from several TNEF attributes. */
    private static final class Pending {
        String title;
        String longName;
        String shortName;
        String displayName;
        String mimeTag;
        String contentId;
        byte[] data;
    }

    private TnefReader(long maxAttachmentBytes, List<String> warnings) {
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.warnings = warnings;
    }

    /** Returns null when the blob is not TNEF, so the caller keeps winmail.dat as an ordinary attachment. */
    static List<MailAttachment> read(byte[] tnef, long maxAttachmentBytes, List<String> warnings) {
        ByteBuffer in = ByteBuffer.wrap(tnef).order(ByteOrder.LITTLE_ENDIAN);
        if (tnef.length < 6 || in.getInt() != SIGNATURE) {
            warnings.add("winmail.dat is not TNEF; kept as a file");
            return null;
        }
        in.getShort(); // legacy key
        TnefReader reader = new TnefReader(maxAttachmentBytes, warnings);
        try {
            reader.readAttributes(in);
        } catch (RuntimeException truncated) {
            warnings.add("TNEF data is truncated or corrupt; kept what was read");
        }
        reader.flush();
        return reader.out;
    }

    private void readAttributes(ByteBuffer in) {
        while (in.remaining() >= 9) {
            int level = in.get() & 0xff;
            int tag = in.getInt() & 0xffff;
            long length = in.getInt() & 0xffffffffL;
            if (length > in.remaining()) {
                warnings.add("TNEF attribute longer than the data; rest ignored");
                return;
            }
            byte[] value = new byte[(int) length];
            in.get(value);
            if (in.remaining() >= 2) {
                in.getShort(); // checksum: Outlook itself does not verify it
            }
            if (level == LEVEL_ATTACHMENT) {
                attachmentAttribute(tag, value);
            } else if (tag == ATT_OEM_CODEPAGE && value.length >= 4) {
                codepage = "cp" + ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getInt();
                codepage = MailCharsets.lookup(codepage) != null ? codepage : "windows-1252";
            } else if (tag == ATT_MSG_PROPS) {
                for (MapiProperties.Property p : MapiProperties.read(value, warnings)) {
                    messageProperty(p);
                }
            }
        }
    }

    private void attachmentAttribute(int tag, byte[] value) {
        switch (tag) {
            case ATT_ATTACH_REND_DATA -> {
                flush();
                current = new Pending();
            }
            case ATT_ATTACH_TITLE -> pending().title = string8(value);
            case ATT_ATTACH_DATA -> pending().data = value;
            case ATT_ATTACHMENT -> {
                Pending p = pending();
                for (MapiProperties.Property prop : MapiProperties.read(value, warnings)) {
                    switch (prop.id()) {
                        case 0x3707 -> p.longName = prop.asString(codepage);
                        case 0x3704 -> p.shortName = prop.asString(codepage);
                        case 0x3001 -> p.displayName = prop.asString(codepage);
                        case 0x370e -> p.mimeTag = prop.asString(codepage);
                        case 0x3712 -> p.contentId = prop.asString(codepage);
                        case 0x3701 -> p.data = p.data != null ? p.data : prop.asBinary();
                        default -> {
                        }
                    }
                }
            }
            default -> {
            }
        }
    }

    private void messageProperty(MapiProperties.Property p) {
        switch (p.id()) {
            case 0x1009 -> {
                byte[] rtf = CompressedRtf.decompress(p.asBinary());
                if (rtf != null) {
                    add("body.rtf", "text/rtf", null, rtf);
                }
            }
            case 0x1013 -> add("body.html", "text/html", null, p.isString()
                    ? p.asString(codepage).getBytes(StandardCharsets.UTF_8) : p.asBinary());
            case 0x1000 -> add("body.txt", "text/plain", null, p.asString(codepage).getBytes(StandardCharsets.UTF_8));
            default -> {
            }
        }
    }

    private Pending pending() {
        if (current == null) {
            current = new Pending();
        }
        return current;
    }

    private void flush() {
        if (current == null) {
            return;
        }
        Pending p = current;
        current = null;
        String name = first(p.longName, p.shortName, p.title, p.displayName);
        String type = p.mimeTag == null || !p.mimeTag.contains("/") ? "application/octet-stream" : p.mimeTag;
        add(name, type.toLowerCase(java.util.Locale.ROOT), p.contentId, p.data == null ? new byte[0] : p.data);
    }

    private void add(String name, String type, String contentId, byte[] data) {
        boolean keep = data.length <= maxAttachmentBytes;
        if (!keep) {
            warnings.add("TNEF attachment '" + name + "' exceeds the attachment limit; bytes not kept");
        }
        out.add(new MailAttachment(name, type, data.length, contentId, false, true, keep ? data : null));
    }

    private String string8(byte[] value) {
        int len = value.length;
        while (len > 0 && value[len - 1] == 0) {
            len--;
        }
        return MailCharsets.decode(value, 0, len, codepage, warnings);
    }

    private static String first(String... names) {
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                return n;
            }
        }
        return null;
    }
}
