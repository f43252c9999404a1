package io.supporthub.mail.mime;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a TNEF MAPI property list (MS-OXTNEF 2.1.3.4), keeping the first value of each property. */
final class MapiProperties {

    private static final int PT_STRING8 = 0x1e;
    private static final int PT_UNICODE = 0x1f;
    private static final int PT_BINARY = 0x102;
    private static final int PT_OBJECT = 0x0d;
    private static final int MULTI_VALUED = 0x1000;

    /** One property: its id, its base type and the first value's bytes. */
    record Property(int id, int type, byte[] value) {

        boolean isString() {
            return type == PT_STRING8 || type == PT_UNICODE;
        }

        String asString(String codepage) {
            byte[] v = value;
            if (type == PT_UNICODE) {
                String s = new String(v, StandardCharsets.UTF_16LE);
                int nul = s.indexOf('\0');
                return UnicodeText.repair(nul >= 0 ? s.substring(0, nul) : s);
            }
            int len = v.length;
            while (len > 0 && v[len - 1] == 0) {
                len--;
            }
            return MailCharsets.decode(v, 0, len, codepage, null);
        }

        byte[] asBinary() {
            // PT_OBJECT data starts with the 16-byte interface id of the embedded object
            return type == PT_OBJECT && value.length >= 16 ? Arrays.copyOfRange(value, 16, value.length) : value;
        }
    }

    private MapiProperties() {
    }

    static List<Property> read(byte[] data, List<String> warnings) {
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        List<Property> props = new ArrayList<>();
        try {
            long count = in.getInt() & 0xffffffffL;
            for (long i = 0; i < count && in.hasRemaining(); i++) {
                int type = in.getShort() & 0xffff;
                int id = in.getShort() & 0xffff;
                if (id >= 0x8000) { // named property: GUID, then a numeric id or a UTF-16 name
                    skip(in, 16);
                    int kind = in.getInt();
                    if (kind == 0) {
                        in.getInt();
                    } else {
                        skip(in, padded(in.getInt()));
                    }
                }
                byte[] value = readValue(in, type & ~MULTI_VALUED, (type & MULTI_VALUED) != 0);
                if (value == null) {
                    warnings.add("unknown MAPI property type 0x" + Integer.toHexString(type) + "; rest skipped");
                    break;
                }
                props.add(new Property(id, type & ~MULTI_VALUED, value));
            }
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            warnings.add("MAPI property list is truncated; kept what was read");
        }
        return props;
    }

    private static byte[] readValue(ByteBuffer in, int type, boolean multi) {
        boolean variable = type == PT_STRING8 || type == PT_UNICODE || type == PT_BINARY || type == PT_OBJECT;
        if (variable) {
            long n = in.getInt() & 0xffffffffL; // variable-length values carry a count even when single
            byte[] first = null;
            for (long i = 0; i < n; i++) {
                int len = in.getInt();
                if (len < 0 || len > in.remaining()) {
                    throw new IllegalArgumentException("value length");
                }
                byte[] v = new byte[len];
                in.get(v);
                skip(in, padded(len) - len);
                first = first == null ? v : first;
            }
            return first == null ? new byte[0] : first;
        }
        int size = fixedSize(type);
        if (size < 0) {
            return null;
        }
        long n = multi ? in.getInt() & 0xffffffffL : 1;
        byte[] first = null;
        for (long i = 0; i < n; i++) {
            byte[] v = new byte[size];
            in.get(v);
            first = first == null ? v : first;
        }
        return first == null ? new byte[0] : first;
    }

    private static int fixedSize(int type) {
        return switch (type) {
            case 0x01, 0x02, 0x03, 0x04, 0x0a, 0x0b -> 4; // 2-byte types are padded to 4
            case 0x05, 0x06, 0x07, 0x14, 0x40 -> 8;
            case 0x48 -> 16;
            default -> -1;
        };
    }

    private static int padded(int len) {
        return (len + 3) & ~3;
    }

    private static void skip(ByteBuffer in, int n) {
        if (n < 0 || n > in.remaining()) {
            throw new IllegalArgumentException("skip past end");
        }
        in.position(in.position() + n);
    }
}
