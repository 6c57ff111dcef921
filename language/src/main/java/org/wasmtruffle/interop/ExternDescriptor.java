package org.wasmtruffle.interop;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.CompilerDirectives;
import com.oracle.truffle.api.interop.InteropLibrary;
import com.oracle.truffle.api.interop.TruffleObject;
import com.oracle.truffle.api.interop.UnknownIdentifierException;
import com.oracle.truffle.api.library.ExportLibrary;
import com.oracle.truffle.api.library.ExportMessage;
import org.wasmtruffle.module.ExternKind;
import org.wasmtruffle.module.GlobalType;
import org.wasmtruffle.module.MemoryType;
import org.wasmtruffle.module.TableType;

/**
 * One entry of a module's {@code imports} or {@code exports}: members {@code module} (imports only),
 * {@code name}, {@code kind} ({@code "function"}, {@code "table"}, {@code "memory"}, {@code "global"}) and
 * {@code type} (the type in text-format spelling, e.g. {@code "(func (param i32) (result i64))"}).
 */
@ExportLibrary(InteropLibrary.class)
public final class ExternDescriptor implements TruffleObject {
    private static final ReadOnlyArray IMPORT_MEMBERS = new ReadOnlyArray("module", "name", "kind", "type");
    private static final ReadOnlyArray EXPORT_MEMBERS = new ReadOnlyArray("name", "kind", "type");

    /** The import's module name, or {@code null} for an export. */
    private final String module;
    private final String name;
    private final String kind;
    private final String type;

    public ExternDescriptor(String module, String name, ExternKind kind, String type) {
        this.module = module;
        this.name = name;
        this.kind = kindName(kind);
        this.type = type;
    }

    /** The name of {@code kind} in descriptors. */
    public static String kindName(ExternKind kind) {
        return switch (kind) {
            case FUNCTION -> "function";
            case TABLE -> "table";
            case MEMORY -> "memory";
            case GLOBAL -> "global";
        };
    }

    /** {@code "(table 10 20 funcref)"}. */
    public static String typeText(TableType type) {
        return "(table " + type.limits() + " " + type.elementType() + ")";
    }

    /** {@code "(memory 1 2)"}. */
    public static String typeText(MemoryType type) {
        return "(memory " + type.limits() + ")";
    }

    /** {@code "(global i32)"} or {@code "(global (mut i32))"}. */
    public static String typeText(GlobalType type) {
        return type.mutable() ? "(global (mut " + type.valueType() + "))" : "(global " + type.valueType() + ")";
    }

    @ExportMessage
    boolean hasMembers() {
        return true;
    }

    @ExportMessage
    Object getMembers(@SuppressWarnings("unused") boolean includeInternal) {
        return module != null ? IMPORT_MEMBERS : EXPORT_MEMBERS;
    }

    @ExportMessage
    boolean isMemberReadable(String member) {
        return switch (member) {
            case "module" -> module != null;
            case "name", "kind", "type" -> true;
            default -> false;
        };
    }

    @ExportMessage
    Object readMember(String member) throws UnknownIdentifierException {
        switch (member) {
            case "module":
                if (module != null) {
                    return module;
                }
                break;
            case "name":
                return name;
            case "kind":
                return kind;
            case "type":
                return type;
            default:
                break;
        }
        CompilerDirectives.transferToInterpreter();
        throw UnknownIdentifierException.create(member);
    }

    @ExportMessage
    @TruffleBoundary
    Object toDisplayString(@SuppressWarnings("unused") boolean allowSideEffects) {
        return module != null ? "(import \"" + module + "\" \"" + name + "\" " + type + ")" : "(export \"" + name + "\" " + type + ")";
    }
}
