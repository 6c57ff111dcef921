package org.wasmtruffle.module;

import java.util.Map;

/**
 * A decoded module: everything the binary says, with function bodies kept as byte ranges of
 * {@link #bytes()} so that they are read (validated, translated) only when needed. Immutable once built;
 * shared by every context of an engine.
 *
 * <p>Index spaces put imports first: function {@code i < importedFunctionCount()} is an import, and so on
 * for tables, memories and globals.
 */
public final class ModuleDescription {
    private final String name;
    private final byte[] bytes;
    private final int moduleLength;
    private final FunctionType[] types;
    private final Import[] imports;
    private final int[] functionTypeIndices;
    private final int importedFunctionCount;
    private final int[] codeOffsets;
    private final int[] codeLengths;
    private final TableType[] tables;
    private final int importedTableCount;
    private final MemoryType[] memories;
    private final int importedMemoryCount;
    private final GlobalType[] globals;
    private final int importedGlobalCount;
    private final ConstantExpression[] globalInitializers;
    private final Export[] exports;
    private final int startFunction;
    private final ElementSegment[] elementSegments;
    private final DataSegment[] dataSegments;
    private final int dataCount;
    private final CustomSection[] customSections;
    private final String moduleName;
    private final Map<Integer, String> functionNames;
    private final Map<Integer, Map<Integer, String>> localNames;

    /**
     * @param name a name for messages (usually the file name)
     * @param bytes the module's binary, or its start up to the custom sections that end it (see {@link #bytes()})
     * @param moduleLength the length of the whole binary
     * @param functionTypeIndices the type index of every function, imported ones first
     * @param codeOffsets for each defined function, the offset in {@code bytes} of its body (the local
     *            declarations); {@code codeLengths} gives the body's length up to and including the final
     *            {@code end}
     * @param globalInitializers the initializer of each defined global
     * @param startFunction the start function's index, or -1
     * @param dataCount the data count section's value, or -1 if there is none
     * @param moduleName the name section's module name, or {@code null}
     */
    public ModuleDescription(String name, byte[] bytes, int moduleLength, FunctionType[] types, Import[] imports, int[] functionTypeIndices, int importedFunctionCount,
                    int[] codeOffsets, int[] codeLengths, TableType[] tables, int importedTableCount, MemoryType[] memories, int importedMemoryCount,
                    GlobalType[] globals, int importedGlobalCount, ConstantExpression[] globalInitializers, Export[] exports, int startFunction,
                    ElementSegment[] elementSegments, DataSegment[] dataSegments, int dataCount, CustomSection[] customSections, String moduleName,
                    Map<Integer, String> functionNames, Map<Integer, Map<Integer, String>> localNames) {
        this.name = name;
        this.bytes = bytes;
        this.moduleLength = moduleLength;
        this.types = types;
        this.imports = imports;
        this.functionTypeIndices = functionTypeIndices;
        this.importedFunctionCount = importedFunctionCount;
        this.codeOffsets = codeOffsets;
        this.codeLengths = codeLengths;
        this.tables = tables;
        this.importedTableCount = importedTableCount;
        this.memories = memories;
        this.importedMemoryCount = importedMemoryCount;
        this.globals = globals;
        this.importedGlobalCount = importedGlobalCount;
        this.globalInitializers = globalInitializers;
        this.exports = exports;
        this.startFunction = startFunction;
        this.elementSegments = elementSegments;
        this.dataSegments = dataSegments;
        this.dataCount = dataCount;
        this.customSections = customSections;
        this.moduleName = moduleName;
        this.functionNames = functionNames;
        this.localNames = localNames;
    }

    public String name() {
        return name;
    }

    /**
     * The module's binary, or its start when the custom sections that end it were left out (see
     * {@code TrailingCustomSections}): all that decoding, validation and instantiation read. Not to be modified.
     */
    public byte[] bytes() {
        return bytes;
    }

    /** The length of the module's whole binary (at least {@code bytes().length}). */
    public int moduleLength() {
        return moduleLength;
    }

    public int typeCount() {
        return types.length;
    }

    public FunctionType type(int typeIndex) {
        return types[typeIndex];
    }

    public Import[] imports() {
        return imports;
    }

    public int functionCount() {
        return functionTypeIndices.length;
    }

    public int importedFunctionCount() {
        return importedFunctionCount;
    }

    public int functionTypeIndex(int functionIndex) {
        return functionTypeIndices[functionIndex];
    }

    public FunctionType functionType(int functionIndex) {
        return types[functionTypeIndices[functionIndex]];
    }

    /** Offset in {@link #bytes()} of defined function {@code functionIndex}'s body. */
    public int codeOffset(int functionIndex) {
        return codeOffsets[functionIndex - importedFunctionCount];
    }

    /** Length of defined function {@code functionIndex}'s body, final {@code end} included. */
    public int codeLength(int functionIndex) {
        return codeLengths[functionIndex - importedFunctionCount];
    }

    public int tableCount() {
        return tables.length;
    }

    public int importedTableCount() {
        return importedTableCount;
    }

    public TableType table(int tableIndex) {
        return tables[tableIndex];
    }

    public int memoryCount() {
        return memories.length;
    }

    public int importedMemoryCount() {
        return importedMemoryCount;
    }

    public MemoryType memory(int memoryIndex) {
        return memories[memoryIndex];
    }

    public int globalCount() {
        return globals.length;
    }

    public int importedGlobalCount() {
        return importedGlobalCount;
    }

    public GlobalType global(int globalIndex) {
        return globals[globalIndex];
    }

    /** The initializer of defined global {@code globalIndex}. */
    public ConstantExpression globalInitializer(int globalIndex) {
        return globalInitializers[globalIndex - importedGlobalCount];
    }

    public Export[] exports() {
        return exports;
    }

    /** The start function's index, or -1. */
    public int startFunction() {
        return startFunction;
    }

    public ElementSegment[] elementSegments() {
        return elementSegments;
    }

    public DataSegment[] dataSegments() {
        return dataSegments;
    }

    /** The data count section's value, or -1 if the module has none. */
    public int dataCount() {
        return dataCount;
    }

    public CustomSection[] customSections() {
        return customSections;
    }

    /** The module's name from the name section, or {@code null}. */
    public String moduleName() {
        return moduleName;
    }

    /** Function {@code functionIndex}'s name from the name section, or {@code null}. */
    public String functionName(int functionIndex) {
        return functionNames.get(functionIndex);
    }

    /** The name of a function's local from the name section, or {@code null}. */
    public String localName(int functionIndex, int localIndex) {
        Map<Integer, String> names = localNames.get(functionIndex);
        return names == null ? null : names.get(localIndex);
    }

    /** The name used for a function in stack traces and messages: its name-section name, else {@code func[N]}. */
    public String displayName(int functionIndex) {
        String n = functionNames.get(functionIndex);
        return n != null ? n : "func[" + functionIndex + "]";
    }
}
