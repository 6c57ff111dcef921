package org.wasmtruffle.binary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wasmtruffle.module.ConstantExpression;
import org.wasmtruffle.module.CustomSection;
import org.wasmtruffle.module.DataSegment;
import org.wasmtruffle.module.ElementSegment;
import org.wasmtruffle.module.Export;
import org.wasmtruffle.module.ExternKind;
import org.wasmtruffle.module.FunctionType;
import org.wasmtruffle.module.GlobalType;
import org.wasmtruffle.module.Import;
import org.wasmtruffle.module.Limits;
import org.wasmtruffle.module.MemoryType;
import org.wasmtruffle.module.ModuleDescription;
import org.wasmtruffle.module.SegmentMode;
import org.wasmtruffle.module.TableType;
import org.wasmtruffle.module.ValueType;
import org.wasmtruffle.validation.FunctionValidator;
import org.wasmtruffle.validation.InvalidModuleException;

/**
 * Decodes a module's binary (WebAssembly 2.0) into a {@link ModuleDescription} in one pass over the bytes.
 * Function bodies are only located (offset and length), never read here: the function validator reads them.
 *
 * <p>The decoder behaves like the specification's reference decoder, so that malformed modules are reported
 * with the same reasons: the module is one stream (a section that declares more entries than it holds reads
 * on into what follows, and only the section's end checks its size), lengths may not exceed the bytes that
 * remain in the module, and the checks that span sections (function/code and data count/data lengths) come
 * after the last section.
 */
public final class ModuleDecoder {
    private static final int MAGIC = 0x6D736100;
    private static final int VERSION = 1;

    private final String sourceName;
    /** The module's bytes, or those up to its {@link #trailing} custom sections. */
    private final byte[] bytes;
    /** The custom sections after {@link #bytes}, if they were left out of them (else null). */
    private final TrailingCustomSections trailing;
    private final int moduleLength;
    private final BinaryReader in;

    private FunctionType[] types = new FunctionType[0];
    private final List<Import> imports = new ArrayList<>();
    private int[] functionTypeIndices = new int[0];
    private int functionCount;
    private int importedFunctionCount;
    /** The function section's length: how many bodies the code section must hold. */
    private int declaredFunctionCount;
    private int[] codeOffsets = new int[0];
    private int[] codeLengths = new int[0];
    /** How many bodies the code section has located so far. */
    private int bodiesRead;
    private final List<TableType> tables = new ArrayList<>();
    private int importedTableCount;
    private final List<MemoryType> memories = new ArrayList<>();
    private int importedMemoryCount;
    private final List<GlobalType> globals = new ArrayList<>();
    private int importedGlobalCount;
    private ConstantExpression[] globalInitializers = new ConstantExpression[0];
    private Export[] exports = new Export[0];
    private int startFunction = -1;
    /** The start section names function 2^32-1, which {@link ModuleDescription} cannot tell from "none". */
    private boolean startIsMaxIndex;
    private ElementSegment[] elementSegments = new ElementSegment[0];
    private DataSegment[] dataSegments = new DataSegment[0];
    private int dataCount = -1;
    private boolean hasDataCount;
    private final List<CustomSection> customSections = new ArrayList<>();
    private NameSectionDecoder.Names names;

    /** Scratch space for constant expressions, reused so that an expression allocates only its result. */
    private int[] scratchOpcodes = new int[4];
    private long[] scratchImmediates = new long[4];

    private ModuleDecoder(String sourceName, byte[] bytes, TrailingCustomSections trailing) {
        this.sourceName = sourceName;
        this.bytes = bytes;
        this.trailing = trailing;
        this.moduleLength = trailing != null ? trailing.moduleLength() : bytes.length;
        this.in = new BinaryReader(sourceName, bytes, 0, bytes.length);
    }

    /**
     * Decodes {@code bytes}, which the result keeps (not copied).
     *
     * @param sourceName a name for messages (usually the file name)
     * @throws MalformedModuleException if the binary is not a well-formed module
     * @throws InvalidModuleException if a constant expression holds an instruction that is not constant
     */
    public static ModuleDescription decode(String sourceName, byte[] bytes) {
        return new ModuleDecoder(sourceName, bytes, null).decodeModule();
    }

    /**
     * Decodes a module whose bytes up to {@code trailing}'s start are {@code bytes} (which the result keeps), and
     * whose custom sections from there on are {@code trailing}'s; with {@code trailing} null, as {@link #decode(String, byte[])}.
     */
    public static ModuleDescription decode(String sourceName, byte[] bytes, TrailingCustomSections trailing) {
        if (trailing != null && bytes.length != trailing.start()) {
            throw new IllegalArgumentException("the bytes end at " + bytes.length + ", the trailing custom sections begin at " + trailing.start());
        }
        return new ModuleDecoder(sourceName, bytes, trailing).decodeModule();
    }

    private ModuleDescription decodeModule() {
        in.setEndReason(BinaryReader.UNEXPECTED_END);
        if (in.readFixed32() != MAGIC) {
            throw in.malformed(0, "magic header not detected");
        }
        if (in.readFixed32() != VERSION) {
            throw in.malformed(4, "unknown binary version");
        }
        try {
            readSections();
            if (trailing != null) {
                customSections.addAll(Arrays.asList(trailing.sections()));
            }
            if (declaredFunctionCount != codeOffsets.length) {
                throw in.malformed(moduleLength, "function and code section have inconsistent lengths");
            }
            if (hasDataCount && dataCount != dataSegments.length) {
                throw in.malformed(moduleLength, "data count and data section have inconsistent lengths");
            }
        } catch (MalformedModuleException e) {
            throw firstMalformedBody(e);
        }
        if (startIsMaxIndex) {
            // No module has that many functions; report it here, as the validator would.
            throw new InvalidModuleException(sourceName, "unknown function 4294967295", "start function");
        }
        return describe(codeOffsets.length);
    }

    private void readSections() {
        int lastOrder = 0;
        while (!in.atEnd()) {
            int id = in.peekByte();
            if (id > SectionId.MAX) {
                throw in.malformed(in.position(), "malformed section id");
            }
            if (id != SectionId.CUSTOM) {
                int order = SectionId.order(id);
                if (order <= lastOrder) {
                    // A repeated or misplaced section ends the module for the reference decoder.
                    throw in.malformed(in.position(), "unexpected content after last section");
                }
                lastOrder = order;
            }
            in.readByte();
            int size = in.readLength();
            int start = in.position();
            in.setEndReason(BinaryReader.UNEXPECTED_END_OF_SECTION);
            readSection(id, size);
            if (in.position() != start + size) {
                throw in.malformed(start, "section size mismatch");
            }
            in.setEndReason(BinaryReader.UNEXPECTED_END);
        }
    }

    /** The module as decoded so far, with the first {@code bodyCount} function bodies. */
    private ModuleDescription describe(int bodyCount) {
        NameSectionDecoder.Names n = names != null ? names : NameSectionDecoder.Names.none();
        int[] offsets = bodyCount == codeOffsets.length ? codeOffsets : Arrays.copyOf(codeOffsets, bodyCount);
        int[] lengths = bodyCount == codeLengths.length ? codeLengths : Arrays.copyOf(codeLengths, bodyCount);
        return new ModuleDescription(sourceName, bytes, moduleLength, types, imports.toArray(new Import[0]), Arrays.copyOf(functionTypeIndices, functionCount), importedFunctionCount,
                        offsets, lengths, tables.toArray(new TableType[0]), importedTableCount, memories.toArray(new MemoryType[0]), importedMemoryCount,
                        globals.toArray(new GlobalType[0]), importedGlobalCount, globalInitializers, exports, startFunction, elementSegments, dataSegments,
                        hasDataCount ? dataCount : -1, customSections.toArray(new CustomSection[0]), n.moduleName(), n.functionNames(), n.localNames());
    }

    /**
     * The reference decoder reads function bodies where they stand, so a malformed body is reported before
     * any problem that follows the code section. Bodies are read only by the function validator here; when
     * decoding fails after bodies were located, they are checked first, to report the same error.
     */
    private MalformedModuleException firstMalformedBody(MalformedModuleException sectionError) {
        int bodies = Math.min(bodiesRead, declaredFunctionCount);
        if (bodies == 0) {
            return sectionError;
        }
        ModuleDescription partial = describe(bodies);
        BitSet anyFunction = new BitSet();
        anyFunction.set(0, functionCount);
        for (int f = importedFunctionCount; f < importedFunctionCount + bodies; f++) {
            try {
                FunctionValidator.validate(partial, anyFunction, f);
            } catch (MalformedModuleException e) {
                return e;
            } catch (RuntimeException e) {
                // Invalid (or, in a partial module, unreadable) bodies are not this error's concern.
            }
        }
        return sectionError;
    }

    private void readSection(int id, int size) {
        switch (id) {
            case SectionId.CUSTOM -> readCustomSection(size);
            case SectionId.TYPE -> readTypeSection();
            case SectionId.IMPORT -> readImportSection();
            case SectionId.FUNCTION -> readFunctionSection();
            case SectionId.TABLE -> readTableSection();
            case SectionId.MEMORY -> readMemorySection();
            case SectionId.GLOBAL -> readGlobalSection();
            case SectionId.EXPORT -> readExportSection();
            case SectionId.START -> {
                startFunction = in.readU32();
                startIsMaxIndex = startFunction == -1;
            }
            case SectionId.ELEMENT -> readElementSection();
            case SectionId.DATA_COUNT -> {
                dataCount = in.readU32();
                hasDataCount = true;
            }
            case SectionId.CODE -> readCodeSection();
            case SectionId.DATA -> readDataSection();
            default -> throw new AssertionError(id);
        }
    }

    // ---- sections

    private void readCustomSection(int size) {
        int start = in.position();
        String name = in.readName();
        int payloadOffset = in.position();
        int payloadLength = size - (payloadOffset - start);
        in.skip(payloadLength);
        customSections.add(new CustomSection(name, payloadOffset, payloadLength));
        if (names == null && name.equals("name")) {
            names = NameSectionDecoder.decode(sourceName, bytes, payloadOffset, payloadLength);
        }
    }

    private void readTypeSection() {
        int count = in.readLength();
        types = new FunctionType[count];
        // Equal types declared twice become one object: call_indirect's check compares identity first.
        Map<FunctionType, FunctionType> distinct = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int form = in.readByte();
            if (form != 0x60) {
                throw in.malformed(in.position() - 1, (form & 0x80) != 0 ? "integer representation too long" : "malformed function type");
            }
            ValueType[] params = readResultType();
            ValueType[] results = readResultType();
            types[i] = distinct.computeIfAbsent(new FunctionType(params, results), type -> type);
        }
    }

    private ValueType[] readResultType() {
        int count = in.readLength();
        ValueType[] result = new ValueType[count];
        for (int i = 0; i < count; i++) {
            result[i] = readValueType();
        }
        return result;
    }

    private void readImportSection() {
        int count = in.readLength();
        for (int i = 0; i < count; i++) {
            String module = in.readName();
            String name = in.readName();
            int kind = in.readByte();
            switch (kind) {
                case 0x00 -> {
                    int typeIndex = in.readU32();
                    addFunction(typeIndex);
                    importedFunctionCount++;
                    imports.add(new Import(module, name, ExternKind.FUNCTION, typeIndex, null, null, null));
                }
                case 0x01 -> {
                    TableType type = readTableType();
                    tables.add(type);
                    importedTableCount++;
                    imports.add(new Import(module, name, ExternKind.TABLE, -1, type, null, null));
                }
                case 0x02 -> {
                    MemoryType type = new MemoryType(readLimits());
                    memories.add(type);
                    importedMemoryCount++;
                    imports.add(new Import(module, name, ExternKind.MEMORY, -1, null, type, null));
                }
                case 0x03 -> {
                    GlobalType type = readGlobalType();
                    globals.add(type);
                    importedGlobalCount++;
                    imports.add(new Import(module, name, ExternKind.GLOBAL, -1, null, null, type));
                }
                default -> throw in.malformed(in.position() - 1, "malformed import kind");
            }
        }
    }

    private void readFunctionSection() {
        int count = in.readLength();
        declaredFunctionCount = count;
        for (int i = 0; i < count; i++) {
            addFunction(in.readU32());
        }
    }

    private void addFunction(int typeIndex) {
        if (functionCount == functionTypeIndices.length) {
            functionTypeIndices = Arrays.copyOf(functionTypeIndices, Math.max(16, functionCount * 2));
        }
        functionTypeIndices[functionCount++] = typeIndex;
    }

    private void readTableSection() {
        int count = in.readLength();
        for (int i = 0; i < count; i++) {
            tables.add(readTableType());
        }
    }

    private void readMemorySection() {
        int count = in.readLength();
        for (int i = 0; i < count; i++) {
            memories.add(new MemoryType(readLimits()));
        }
    }

    private void readGlobalSection() {
        int count = in.readLength();
        globalInitializers = new ConstantExpression[count];
        for (int i = 0; i < count; i++) {
            globals.add(readGlobalType());
            globalInitializers[i] = readConstantExpression();
        }
    }

    private void readExportSection() {
        int count = in.readLength();
        exports = new Export[count];
        for (int i = 0; i < count; i++) {
            String name = in.readName();
            int kindCode = in.readByte();
            ExternKind kind = switch (kindCode) {
                case 0x00 -> ExternKind.FUNCTION;
                case 0x01 -> ExternKind.TABLE;
                case 0x02 -> ExternKind.MEMORY;
                case 0x03 -> ExternKind.GLOBAL;
                default -> throw in.malformed(in.position() - 1, "malformed export kind");
            };
            exports[i] = new Export(name, kind, in.readU32());
        }
    }

    private void readElementSection() {
        int count = in.readLength();
        elementSegments = new ElementSegment[count];
        for (int i = 0; i < count; i++) {
            elementSegments[i] = readElementSegment();
        }
    }

    /**
     * One element segment. The flags' bit 0 marks passive or declarative (bit 1 set) segments, else bit 1
     * says an explicit table index follows; bit 2 says items are expressions rather than function indices.
     */
    private ElementSegment readElementSegment() {
        int flagsOffset = in.position();
        int flags = in.readU32();
        if (flags < 0 || flags > 7) {
            throw in.malformed(flagsOffset, "malformed elements segment kind");
        }
        SegmentMode mode;
        int tableIndex = 0;
        ConstantExpression offset = null;
        if ((flags & 1) == 0) {
            mode = SegmentMode.ACTIVE;
            if ((flags & 2) != 0) {
                tableIndex = in.readU32();
            }
            offset = readConstantExpression();
        } else {
            mode = (flags & 2) != 0 ? SegmentMode.DECLARATIVE : SegmentMode.PASSIVE;
        }
        boolean expressions = (flags & 4) != 0;
        // Flags 0 and 4 imply funcref; the others name the element kind or type.
        ValueType elementType = ValueType.FUNCREF;
        if ((flags & 3) != 0) {
            if (expressions) {
                elementType = readReferenceType();
            } else {
                int kind = in.readByte();
                if (kind != 0x00) {
                    throw in.malformed(in.position() - 1, "malformed element kind");
                }
            }
        }
        int count = in.readLength();
        ConstantExpression[] items = new ConstantExpression[count];
        for (int i = 0; i < count; i++) {
            if (expressions) {
                items[i] = readConstantExpression();
            } else {
                items[i] = new ConstantExpression(new int[]{ConstantExpression.REF_FUNC}, new long[]{in.readU32() & 0xFFFF_FFFFL});
            }
        }
        return new ElementSegment(mode, tableIndex, offset, elementType, items);
    }

    private void readCodeSection() {
        int count = in.readLength();
        codeOffsets = new int[count];
        codeLengths = new int[count];
        for (int i = 0; i < count; i++) {
            int size = in.readLength();
            codeOffsets[i] = in.position();
            codeLengths[i] = size;
            in.skip(size);
            bodiesRead++;
        }
    }

    private void readDataSection() {
        int count = in.readLength();
        dataSegments = new DataSegment[count];
        for (int i = 0; i < count; i++) {
            int flagsOffset = in.position();
            int flags = in.readU32();
            SegmentMode mode;
            int memoryIndex = 0;
            ConstantExpression offset = null;
            switch (flags) {
                case 0 -> {
                    mode = SegmentMode.ACTIVE;
                    offset = readConstantExpression();
                }
                case 1 -> mode = SegmentMode.PASSIVE;
                case 2 -> {
                    mode = SegmentMode.ACTIVE;
                    memoryIndex = in.readU32();
                    offset = readConstantExpression();
                }
                default -> throw in.malformed(flagsOffset, "malformed data segment kind");
            }
            int length = in.readLength();
            int dataOffset = in.position();
            in.skip(length);
            dataSegments[i] = new DataSegment(mode, memoryIndex, offset, dataOffset, length);
        }
    }

    // ---- types

    private ValueType readValueType() {
        int code = in.readByte();
        ValueType type = ValueType.fromCode(code);
        if (type == null) {
            throw typeError(code, "malformed value type");
        }
        return type;
    }

    private ValueType readReferenceType() {
        int code = in.readByte();
        if (code == ValueType.FUNCREF.code) {
            return ValueType.FUNCREF;
        }
        if (code == ValueType.EXTERNREF.code) {
            return ValueType.EXTERNREF;
        }
        throw typeError(code, "malformed reference type");
    }

    /**
     * Types are one-byte negative s7 integers; a continuation bit makes the encoding longer than an s7 may
     * be, else the byte simply names no type.
     */
    private MalformedModuleException typeError(int code, String reason) {
        if ((code & 0x80) != 0) {
            return in.malformed(in.position(), "integer representation too long");
        }
        return in.malformed(in.position() - 1, reason);
    }

    private Limits readLimits() {
        // The flag is a 1-bit LEB128 integer: 2 and up are "integer too large", 0x81 0x00 too long.
        boolean hasMax = in.readUnsigned(1) == 1;
        long min = in.readU32() & 0xFFFF_FFFFL;
        long max = hasMax ? in.readU32() & 0xFFFF_FFFFL : 0;
        return new Limits(min, max, hasMax);
    }

    private TableType readTableType() {
        ValueType elementType = readReferenceType();
        return new TableType(elementType, readLimits());
    }

    private GlobalType readGlobalType() {
        ValueType type = readValueType();
        int mutability = in.readByte();
        if (mutability > 1) {
            throw in.malformed(in.position() - 1, "malformed mutability");
        }
        return new GlobalType(type, mutability == 1);
    }

    // ---- constant expressions

    /**
     * A constant expression up to its {@code end}. Only the constant instructions are decoded; any other
     * instruction makes the module invalid ("constant expression required"), and a byte that is no
     * instruction at all malformed ("illegal opcode").
     */
    private ConstantExpression readConstantExpression() {
        int n = 0;
        while (true) {
            int at = in.position();
            int opcode = in.readByte();
            long immediate;
            switch (opcode) {
                case 0x0B -> {
                    return new ConstantExpression(Arrays.copyOf(scratchOpcodes, n), Arrays.copyOf(scratchImmediates, n));
                }
                case ConstantExpression.I32_CONST -> immediate = in.readS32();
                case ConstantExpression.I64_CONST -> immediate = in.readS64();
                case ConstantExpression.F32_CONST -> immediate = in.readFixed32() & 0xFFFF_FFFFL;
                case ConstantExpression.F64_CONST -> immediate = in.readFixed64();
                case ConstantExpression.GLOBAL_GET, ConstantExpression.REF_FUNC -> immediate = in.readU32() & 0xFFFF_FFFFL;
                case ConstantExpression.REF_NULL -> immediate = readReferenceType().code;
                case 0x05 -> throw in.malformed(at, "END opcode expected");
                default -> throw nonConstantInstruction(opcode, at);
            }
            if (n == scratchOpcodes.length) {
                scratchOpcodes = Arrays.copyOf(scratchOpcodes, n * 2);
                scratchImmediates = Arrays.copyOf(scratchImmediates, n * 2);
            }
            scratchOpcodes[n] = opcode;
            scratchImmediates[n] = immediate;
            n++;
        }
    }

    private RuntimeException nonConstantInstruction(int opcode, int at) {
        if (opcode == 0xFC) {
            int subOpcode = in.readU32();
            if (subOpcode < 0 || subOpcode > 17) {
                return in.malformed(at, "illegal opcode");
            }
        } else if (opcode == 0xFD) {
            int subOpcode = in.readU32();
            if (subOpcode == 12) {
                // v128.const is constant, but ConstantExpression has no room for a 128-bit immediate yet.
                return new InvalidModuleException(sourceName, "v128.const in constant expressions is not supported", "at byte offset " + at);
            }
        } else if (!isInstruction(opcode)) {
            return in.malformed(at, "illegal opcode");
        }
        return new InvalidModuleException(sourceName, "constant expression required", "at byte offset " + at);
    }

    /** Whether a one-byte opcode (or prefix) is an instruction of WebAssembly 2.0. */
    private static boolean isInstruction(int opcode) {
        return opcode <= 0x05 || (opcode >= 0x0B && opcode <= 0x11) || (opcode >= 0x1A && opcode <= 0x1C) || (opcode >= 0x20 && opcode <= 0x26) ||
                        (opcode >= 0x28 && opcode <= 0xC4) || (opcode >= 0xD0 && opcode <= 0xD2) || opcode == 0xFC || opcode == 0xFD;
    }
}
