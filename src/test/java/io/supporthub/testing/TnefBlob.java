package io.supporthub.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A minimal TNEF (winmail.dat) blob carrying one file, written the way Outlook lays out its attachment attributes. */
public final class TnefBlob {

    private TnefBlob() {
    }

    public static byte[] withFile(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(0x223e9f78));
        out.writeBytes(new byte[] {0x01, 0x00}); // legacy key
        attribute(out, 0x00069002, new byte[14]); // attAttachRendData opens the attachment
        attribute(out, 0x00018010, (name + "\0").getBytes(StandardCharsets.ISO_8859_1)); // attAttachTitle
        attribute(out, 0x0006800f, content); // attAttachData
        return out.toByteArray();
    }

    private static void attribute(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(2); // attachment level
        out.writeBytes(le(tag));
        out.writeBytes(le(value.length));
        out.writeBytes(value);
        int checksum = 0;
        for (byte b : value) {
            checksum = (checksum + (b & 0xff)) & 0xffff;
        }
        out.write(checksum & 0xff);
        out.write(checksum >> 8);
    }

    private static byte[] le(int value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array();
    }
}
