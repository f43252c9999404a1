package io.supporthub.mail.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Decompresses PR_RTF_COMPRESSED (MS-OXRTFCP "LZFu"), the only body many Outlook TNEF parts carry. */
final class CompressedRtf {

    private static final byte[] PREBUF = ("{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman "
            + "\\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier"
            + "{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx")
            .getBytes(StandardCharsets.US_ASCII);
    private static final int COMPRESSED = 0x75465a4c; // "LZFu"
    private static final int UNCOMPRESSED = 0x414c454d; // "MELA"

    private CompressedRtf() {
    }

    /** Returns null when the data is not compressed RTF; never reads past the input. */
    static byte[] decompress(byte[] in) {
        if (in.length < 16) {
            return null;
        }
        int rawSize = le32(in, 4);
        int type = le32(in, 8);
        if (type == UNCOMPRESSED) {
            return Arrays.copyOfRange(in, 16, Math.min(in.length, 16 + Math.max(0, rawSize)));
        }
        if (type != COMPRESSED) {
            return null;
        }
        byte[] dict = new byte[4096];
        System.arraycopy(PREBUF, 0, dict, 0, PREBUF.length);
        int write = PREBUF.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, Math.min(rawSize, in.length * 8)));
        int pos = 16;
        while (pos < in.length) {
            int control = in[pos++] & 0xff;
            for (int bit = 0; bit < 8 && pos < in.length; bit++) {
                if ((control & (1 << bit)) == 0) {
                    dict[write] = in[pos++];
                    out.write(dict[write]);
                    write = (write + 1) & 0xfff;
                    continue;
                }
                if (pos + 1 >= in.length) {
                    return out.toByteArray();
                }
                int ref = ((in[pos] & 0xff) << 8) | (in[pos + 1] & 0xff);
                pos += 2;
                int offset = ref >> 4;
                int length = (ref & 0xf) + 2;
                if (offset == write) { // a reference to the write position marks the end
                    return out.toByteArray();
                }
                for (int i = 0; i < length; i++) {
                    byte b = dict[(offset + i) & 0xfff];
                    dict[write] = b;
                    out.write(b);
                    write = (write + 1) & 0xfff;
                }
            }
        }
        return out.toByteArray();
    }

    private static int le32(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }
}
